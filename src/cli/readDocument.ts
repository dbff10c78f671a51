import type { ImportResult } from '../io/importSql.ts';
import { importNotes } from '../io/importNotes.ts';
import { parseProjectFile, projectFileExtension } from '../io/projectFile.ts';
import type { ErdDocument } from '../model/index.ts';
import type { CliIo } from './main.ts';
import { formatImportError, type ImportFacts } from './formatImport.ts';

/**
 * A document read from disk (with a line to print first, such as "opened read-only", and what an
 * import of a .sql file brought in), or the error to print after `erd: ` (exit code 2): one line,
 * or for a SQL script the line, the statement and PostgreSQL's detail.
 */
export type ReadResult = { ok: true; document: ErdDocument; warning?: string; imported?: ImportFacts } | { ok: false; error: string };

/** How a document is read: the file's text, and a SQL script through PostgreSQL. */
export interface DocumentReaders {
  readFile(path: string): Promise<string>;
  importSql(sql: string): Promise<ImportResult>;
}

/** Reads and validates a project file, a DBML file or a SQL script (by extension), naming the file in every error. */
export async function readDocument(path: string, readers: DocumentReaders): Promise<ReadResult> {
  let text: string;
  try {
    text = await readers.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    return { ok: false, error: `${path}: cannot read: ${reason}` };
  }
  if (path.endsWith('.sql')) {
    const imported = await readers.importSql(text);
    if (!imported.ok) return { ok: false, error: formatImportError(path, imported.error) };
    const { schema, layout, summary, notes } = imported;
    return {
      ok: true,
      document: { schema, layout, notes: importNotes(notes, layout) },
      imported: { tables: schema.tables.length, relationships: schema.relationships.length, summary, notes },
    };
  }
  if (path.endsWith('.dbml')) {
    const { importDbml } = await import('../io/dbmlImport.ts'); // @dbml/core takes seconds to load: only for DBML
    const imported = importDbml(text);
    return imported.ok ? { ok: true, document: imported.document } : { ok: false, error: `${path}: invalid DBML: ${imported.error}` };
  }
  if (!path.endsWith(projectFileExtension) && !path.endsWith('.json')) {
    return { ok: false, error: `${path}: not a project file (expected a ${projectFileExtension}, .dbml or .sql file)` };
  }
  const loaded = parseProjectFile(text);
  if (!loaded.ok) return { ok: false, error: `${path}: invalid project file: ${loaded.error}` };
  return loaded.readOnly
    ? { ok: true, document: loaded.document, warning: `${path}: ${loaded.message}` }
    : { ok: true, document: loaded.document };
}

/**
 * Readers over the command's io: a SQL script is imported through PostgreSQL and stopped after
 * `timeLimitSeconds` (a DO block or a function it calls can loop forever), saying how to allow longer.
 */
export function documentReaders(io: Pick<CliIo, 'readFile' | 'importSql'>, timeLimitSeconds: number): DocumentReaders {
  return {
    readFile: io.readFile,
    importSql: async (sql): Promise<ImportResult> => {
      const result = await io.importSql(sql, timeLimitSeconds * 1000);
      if (result !== 'timed out') return result;
      const message = `the import did not finish within ${timeLimitSeconds} s and was stopped (a DO block or a function it calls may loop forever); allow longer with --time-limit SECONDS`;
      return { ok: false, error: { line: 0, statement: '', message } };
    },
  };
}
