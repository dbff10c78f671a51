import type { ImportError } from '../io/importSql.ts';

/** Lines of the failing statement shown under an import error; the rest is elided. */
const statementLines = 4;

/** Notes printed for a command reading a .sql file; `erd import` prints them all. */
export const shortNoteCount = 5;

/** What an import brought in, for the lines on stderr. */
export interface ImportFacts {
  tables: number;
  relationships: number;
  /** `skipped: 12 GRANT, 3 OWNER TO`, or empty. */
  summary: string;
  notes: string[];
}

/** `FILE:LINE: message`, then the statement's first lines and PostgreSQL's DETAIL and HINT, indented (printed after `erd: `). */
export function formatImportError(file: string, error: ImportError): string {
  const lines = [`${file}${error.line > 0 ? `:${error.line}` : ''}: ${error.message}`];
  const statement = error.statement.trim().split('\n');
  if (error.statement.trim() !== '') {
    lines.push(...statement.slice(0, statementLines).map((l) => `  ${l.length > 160 ? `${l.slice(0, 159)}…` : l}`));
    if (statement.length > statementLines) lines.push(`  … (${statement.length - statementLines} more lines)`);
  }
  if (error.detail) lines.push(`  DETAIL: ${error.detail}`);
  if (error.hint) lines.push(`  HINT: ${error.hint}`);
  return lines.join('\n');
}

/**
 * `FILE: imported 16 tables and 22 relationships; skipped: 106 OWNER TO`, then the importer's notes
 * indented, at most `maxNotes` of them (printed after `erd: `).
 */
export function formatImportFacts(file: string, facts: ImportFacts, maxNotes = Infinity): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [`imported ${plural(facts.tables, 'table')} and ${plural(facts.relationships, 'relationship')}`];
  if (facts.summary) parts.push(facts.summary);
  if (facts.notes.length > 0) parts.push(`${plural(facts.notes.length, 'note')} on what was read differently`);
  const lines = [`${file}: ${parts.join('; ')}`, ...facts.notes.slice(0, maxNotes).map((n) => `  ${n}`)];
  if (facts.notes.length > maxNotes) lines.push(`  … ${facts.notes.length - maxNotes} more (erd import ${file} lists them all)`);
  return lines.join('\n');
}
