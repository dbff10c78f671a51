import { importSql } from '../io/importSql.ts';
import type { CliIo } from '../cli/main.ts';
import { testRunner } from './testDatabase.ts';

/**
 * A CliIo on files held in memory (written files land in `files` too), importing SQL on the shared
 * test PGlite (started from the test data directory, so no initdb); no other database is opened.
 */
export function memoryCliIo(files: Record<string, string>): { io: CliIo; output: { stdout: string; stderr: string } } {
  const output = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (t) => void (output.stdout += t),
    stderr: (t) => void (output.stderr += t),
    readFile: async (path) => {
      if (!(path in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return files[path]!;
    },
    exists: async (path) => path in files,
    writeFile: async (path, text, { overwrite }) => {
      if (!overwrite && path in files) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      files[path] = text;
    },
    importSql: async (sql) => importSql(sql, await testRunner()),
    openDatabase: () => Promise.reject(new Error('not used')),
    connectDatabase: () => Promise.reject(new Error('not used')),
  };
  return { io, output };
}
