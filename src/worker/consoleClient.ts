import type { Schema } from '../model/index.ts';
import type { ImportResult } from '../io/importSql.ts';
import type { ConsoleResult } from '../proof/index.ts';
import { startPostgresWorker } from './proofClient.ts';
import { connectWorker, formatDuration, TimeLimitError, type WorkerConnection } from './workerConnection.ts';

/** How long one console run may take before its PostgreSQL is stopped and restarted. */
export const consoleTimeLimitMs = 10_000;

/** An import may run a long pg_dump: it gets longer than a console run. */
export const importTimeLimitMs = 60_000;

/**
 * The SQL console's and the importer's own PostgreSQL: started on first use, apart from the proofs,
 * so nothing typed or imported there can disturb them.
 */
export interface ConsoleClient {
  run(schema: Schema, sql: string): Promise<ConsoleResult>;
  /** Reads a SQL script into a new schema through PostgreSQL's catalog (see `importSql`). */
  importSql(sql: string): Promise<ImportResult>;
}

/** Starts the console's worker lazily; a run past the time limit is stopped and reported as an error. */
export function createConsoleClient(timeLimitMs = consoleTimeLimitMs): ConsoleClient {
  let connection: WorkerConnection | undefined;
  const connect = () =>
    connectWorker({
      createWorker: () => startPostgresWorker('console'),
      timeLimitMs,
      onReady: () => {},
      onRestart: () => {},
      onCrash: () => {}, // the run in flight is rejected with the crash's message, shown in the console
    });
  return {
    async importSql(sql) {
      connection ??= connect();
      try {
        return await connection.send({ type: 'import', sql }, importTimeLimitMs);
      } catch (error) {
        if (error instanceof TimeLimitError)
          throw new Error(`The import ran past ${formatDuration(importTimeLimitMs)} and was stopped.`, { cause: error });
        throw error;
      }
    },
    async run(schema, sql) {
      connection ??= connect();
      try {
        return await connection.send({ type: 'console', schema, sql });
      } catch (error) {
        if (error instanceof TimeLimitError)
          throw new Error(`The SQL ran past ${formatDuration(timeLimitMs)} and was stopped; the console's PostgreSQL was restarted.`, {
            cause: error,
          });
        throw error;
      }
    },
  };
}
