import { parseProjectFile, projectFileExtension } from '../io/index.ts';
import type { ErdDocument } from '../model/index.ts';

/** A document read from disk, or the one-line error to print (exit code 2). */
export type ReadResult = { ok: true; document: ErdDocument } | { ok: false; error: string };

/** Reads and validates a project file, naming the file in every error. */
export async function readDocument(path: string, readFile: (path: string) => Promise<string>): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    return { ok: false, error: `${path}: cannot read: ${reason}` };
  }
  if (!path.endsWith(projectFileExtension) && !path.endsWith('.json')) {
    return { ok: false, error: `${path}: not a project file (expected a ${projectFileExtension} file)` };
  }
  const loaded = parseProjectFile(text);
  return loaded.ok ? loaded : { ok: false, error: `${path}: invalid project file: ${loaded.error}` };
}
