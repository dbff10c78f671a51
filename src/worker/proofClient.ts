import type { RelationshipId, Schema } from '../model/index.ts';
import type { MigrationProofReport, MigrationUnderProof, ProofReport, Trace } from '../proof/index.ts';
import { connectWorker, formatDuration, TimeLimitError, WorkerCrashError, type WorkerLike } from './workerConnection.ts';

/** Talks to the proof worker: only the latest schema is proved, stale results are dropped; traces on demand. */
export interface ProofClient {
  request(schema: Schema): void;
  trace(schema: Schema, relationshipId: RelationshipId): Promise<Trace>;
  /** Proves a migration from `from` to `to` (rolled back), queued behind the proofs. */
  proveMigration(from: Schema, to: Schema, migration: MigrationUnderProof): Promise<MigrationProofReport>;
}

/** What the client reports as PostgreSQL starts and proofs run, finish or fail (the store's proof slice takes it as it is). */
export interface ProofState {
  proofStatus?: 'starting' | 'running' | 'ready' | 'error';
  proofReport?: ProofReport | null;
  /** The schema the report proves. */
  provedSchema?: Schema | null;
  proofError?: string | null;
}

/** How long one proof may run before the worker is stopped and PostgreSQL restarted. */
export const defaultProofTimeLimitMs = 20_000;

/** The worker script; `proof-initdb` makes it skip the shipped data directory (the bench's baseline). */
export function startPostgresWorker(name: string): WorkerLike {
  return new Worker(new URL('./proofWorker.ts', import.meta.url), { type: 'module', name });
}

/**
 * Starts the worker at once (PGlite begins its start-up while the page loads) and reports through
 * `onState`. A proof past the time limit is stopped by terminating the worker, reported, and a fresh
 * worker takes over.
 */
export function createProofClient(
  onState: (state: ProofState) => void,
  {
    timeLimitMs = defaultProofTimeLimitMs,
    coldStart = false,
    createWorker = () => startPostgresWorker(coldStart ? 'proof-initdb' : 'proof'),
  }: { timeLimitMs?: number; coldStart?: boolean; createWorker?: () => WorkerLike } = {},
): ProofClient {
  let isReady = false;
  let isRunning = false;
  let pending: Schema | null = null;

  const pump = () => {
    if (isRunning || pending === null) return;
    const schema = pending;
    pending = null;
    isRunning = true;
    // Until PostgreSQL is up the proof waits in the connection's queue (after a crash, sending starts a fresh worker).
    onState({ proofStatus: isReady ? 'running' : 'starting' });
    connection
      .send({ type: 'prove', schema })
      .then(
        (report) => {
          if (pending === null) onState({ proofStatus: 'ready', proofReport: report, provedSchema: schema, proofError: null });
        },
        (error: Error) => {
          if (error instanceof WorkerCrashError) return; // onCrash has said so
          if (error instanceof TimeLimitError) {
            onState({
              proofStatus: 'starting',
              proofReport: null,
              provedSchema: null,
              proofError: `The proof ran past ${formatDuration(timeLimitMs)} and was stopped; PostgreSQL is restarting.`,
            });
          } else {
            onState({ proofStatus: 'ready', proofError: `The proof could not run: ${error.message}` });
          }
        },
      )
      .finally(() => {
        isRunning = false;
        pump();
      });
  };

  const connection = connectWorker({
    createWorker,
    timeLimitMs,
    onReady() {
      isReady = true;
      onState({ proofStatus: isRunning ? 'running' : 'ready' });
    },
    onRestart() {
      isReady = false;
    },
    onCrash(message) {
      isReady = false;
      onState({ proofStatus: 'error', proofError: `PostgreSQL stopped: ${message}. Run the proof again to restart it.` });
    },
  });

  return {
    request(schema) {
      pending = schema;
      pump();
    },
    trace: (schema, relationshipId) => connection.send({ type: 'trace', schema, relationshipId }),
    proveMigration: (from, to, migration) => connection.send({ type: 'proveMigration', from, to, migration }),
  };
}
