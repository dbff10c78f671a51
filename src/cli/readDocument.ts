import { importDbml } from '../io/dbmlImport.ts';
import { parseProjectFile, projectFileExtension } from '../io/index.ts';
import type { ErdDocument } from '../model/index.ts';

/** A document read from disk (with a line to print first, such as "opened read-only"), or the one-line error to print (exit code 2). */
export type ReadResult = { ok: true; document: ErdDocument; warning?: string } | { ok: false; error: string };

/** Reads and validates a project file or a DBML file (by extension), naming the file in every error. */
export async function readDocument(path: string, readFile: (path: string) => Promise<string>): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    return { ok: false, error: `${path}: cannot read: ${reason}` };
  }
  if (path.endsWith('.dbml')) {
    const imported = importDbml(text);
    return imported.ok ? { ok: true, document: imported.document } : { ok: false, error: `${path}: invalid DBML: ${imported.error}` };
  }
  if (!path.endsWith(projectFileExtension) && !path.endsWith('.json')) {
    return { ok: false, error: `${path}: not a project file (expected a ${projectFileExtension} or .dbml file)` };
  }
  const loaded = parseProjectFile(text);
  if (!loaded.ok) return { ok: false, error: `${path}: invalid project file: ${loaded.error}` };
  return loaded.readOnly ? { ok: true, document: loaded.document, warning: `${path}: ${loaded.message}` } : { ok: true, document: loaded.document };
}
