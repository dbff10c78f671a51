import { oversizeError, type ImportResult } from './importSql.ts';
import { importedVersionName, makeVersion, type ErdDocument, type Layout, type Schema } from '../model/index.ts';
import { importNotes } from './importNotes.ts';

/** Why an import stopped: where in the text, the statement, and PostgreSQL's (or the DBML parser's) words. */
export interface ImportProblem {
  /** 1-based; absent when the problem is the text as a whole. */
  line?: number;
  column?: number;
  statement?: string;
  message: string;
  detail?: string;
  hint?: string;
}

/** The two languages a schema can be imported from. */
export type ImportFormat = 'sql' | 'dbml';

/** `.dbml` files, and text that opens like DBML (`Table users {`, `Ref:`, `Enum`, `Project`), are DBML; anything else is SQL. */
export function importFormatOf(fileName: string, text: string): ImportFormat {
  if (/\.dbml$/i.test(fileName)) return 'dbml';
  if (/\.sql$/i.test(fileName)) return 'sql';
  const firstWord = text
    .replace(/^(\s|\/\/[^\n]*\n|--[^\n]*\n)*/, '')
    .match(/^[A-Za-z_]+/)?.[0]
    ?.toLowerCase();
  return firstWord === 'table' || firstWord === 'ref' || firstWord === 'enum' || firstWord === 'project' || firstWord === 'tablegroup'
    ? 'dbml'
    : 'sql';
}

/** Whether a dropped or picked file is a schema to import rather than a project file. */
export const isImportable = (fileName: string) => /\.(sql|dbml)$/i.test(fileName);

/** What an import brought in and left out, shown once the new document is open. */
export interface ImportReport {
  tables: number;
  relationships: number;
  /** `skipped: 12 GRANT, 3 OWNER TO`; empty when nothing was. */
  summary: string;
  /** Remarks worth reading: a partial unique index that did not make a 1:1, a missing extension... */
  notes: string[];
}

/** A new document from the text, or where and why the text could not be read. */
export type ImportOutcome = { ok: true; document: ErdDocument; report: ImportReport } | { ok: false; problem: ImportProblem };

/** Where PostgreSQL and the DBML parser do the reading: the app gives its worker and @dbml/core. */
export interface Importers {
  importSql(sql: string): Promise<ImportResult>;
  importDbml(text: string): Promise<{ ok: true; document: ErdDocument } | { ok: false; error: string; line?: number; column?: number }>;
  layout(schema: Schema): Promise<Layout>;
}

const reportOf = (schema: Schema, summary: string, notes: string[]): ImportReport => ({
  tables: schema.tables.length,
  relationships: schema.relationships.length,
  summary,
  notes,
});

/** Where the text came from: the file's name (empty when pasted) and the moment of the import, which name and date its version. */
export interface ImportSource {
  fileName?: string;
  now?: Date;
}

/** The imported document with its first version, "imported from orders.sql": what a later migration starts from until one is marked. */
function withImportedVersion(document: ErdDocument, { fileName = '', now = new Date() }: ImportSource): ErdDocument {
  const version = makeVersion(importedVersionName(fileName), document.schema, 'imported', now);
  return version ? { ...document, versions: [version] } : document;
}

/**
 * Reads SQL (through PostgreSQL) or DBML into a new document with a readable layout and one version
 * holding the schema as imported; the open document is never involved.
 */
export async function importDocument(
  text: string,
  format: ImportFormat,
  importers: Importers,
  source: ImportSource = {},
): Promise<ImportOutcome> {
  if (text.trim() === '') return { ok: false, problem: { message: 'There is nothing to import: paste a script or choose a file.' } };
  const oversize = oversizeError(text);
  if (oversize) return { ok: false, problem: { message: oversize.message } };
  if (format === 'dbml') {
    const read = await importers.importDbml(text);
    if (!read.ok)
      return {
        ok: false,
        problem: { message: read.error, ...(read.line ? { line: read.line } : {}), ...(read.column ? { column: read.column } : {}) },
      };
    const layout = await importers.layout(read.document.schema).catch(() => read.document.layout);
    return {
      ok: true,
      document: withImportedVersion({ ...read.document, layout }, source),
      report: reportOf(read.document.schema, '', []),
    };
  }
  const read = await importers.importSql(text);
  if (!read.ok) {
    const { line, statement, message, detail, hint } = read.error;
    return {
      ok: false,
      problem: {
        message,
        ...(line > 0 ? { line } : {}),
        ...(statement ? { statement } : {}),
        ...(detail ? { detail } : {}),
        ...(hint ? { hint } : {}),
      },
    };
  }
  const layout = read.schema.tables.length > 0 ? await importers.layout(read.schema).catch(() => read.layout) : read.layout;
  return {
    ok: true,
    document: withImportedVersion({ schema: read.schema, layout, notes: importNotes(read.notes, layout) }, source),
    report: reportOf(read.schema, read.summary, read.notes),
  };
}

/** One line for a notice: what came in, and what was skipped. */
export function describeImport(report: ImportReport): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [`Imported ${plural(report.tables, 'table')} and ${plural(report.relationships, 'relationship')}`];
  if (report.summary) parts.push(report.summary);
  if (report.notes.length > 0)
    parts.push(`${plural(report.notes.length, 'note')} on what was read differently, in a sticky note above the diagram`);
  return parts.join('; ') + '.';
}
