import { Worker } from 'node:worker_threads';
import type { ImportResult } from '../io/importSql.ts';

/**
 * Imports a SQL script through PostgreSQL (PGlite, started from the shipped data directory when it
 * fits) in a worker thread, and gives up after `timeLimitMs`: a DO block or a function called at the
 * top level can loop forever, PGlite has no statement_timeout, and PGlite runs on the thread that
 * calls it, so a timer on this thread would never fire. Terminating the worker stops PostgreSQL
 * mid-statement. Resolves to 'timed out' then; a worker that crashes becomes an import error.
 */
export function importInWorker(sql: string, timeLimitMs: number): Promise<ImportResult | 'timed out'> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./importWorker.mjs', import.meta.url), { workerData: { sql } });
    const finish = (result: ImportResult | 'timed out') => {
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    const timer = setTimeout(() => finish('timed out'), timeLimitMs);
    worker.once('message', (result: ImportResult) => finish(result));
    worker.once('error', (error) =>
      finish({ ok: false, error: { line: 0, statement: '', message: `PostgreSQL (PGlite) stopped: ${error.message}` } }),
    );
    worker.once('exit', (code) =>
      finish({ ok: false, error: { line: 0, statement: '', message: `PostgreSQL (PGlite) stopped (exit code ${code})` } }),
    );
  });
}
