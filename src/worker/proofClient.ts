import type { RelationshipId, Schema } from '../model/index.ts';
import { mergeProofResults } from '../proof/mergeProofResults.ts';
import type { MigrationProofReport, MigrationUnderProof, ProofFingerprints, ProofReport, ScenarioResult, Trace } from '../proof/index.ts';
import { connectWorker, formatDuration, TimeLimitError, WorkerCrashError, type WorkerLike } from './workerConnection.ts';

/** The results the page holds and the fingerprints they were proved against: what lets a proof skip what did not change. */
export interface KnownProof {
  results: readonly ScenarioResult[];
  fingerprints: ProofFingerprints;
}

/** Talks to the proof worker: only the latest schema is proved, only what changed since the known results; traces on demand. */
export interface ProofClient {
  /** Proves `schema`; `known` is read when the proof starts (results and fingerprints of the latest finished proof, or null). */
  request(schema: Schema, known?: () => KnownProof | null): void;
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
  /** What the report's results were proved against; null while they are partial or after a failure. */
  proofFingerprints?: ProofFingerprints | null;
  /** The relationships the running proof proves again (their results are not in yet); null when none runs. */
  proofPending?: ReadonlySet<RelationshipId> | null;
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
 * worker takes over. Each proof sends the fingerprints of the known results, and its results come back
 * in chunks, merged with the known ones of every relationship it did not prove again.
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
  let pending: { schema: Schema; known: () => KnownProof | null } | null = null;

  const pump = () => {
    if (isRunning || pending === null) return;
    const { schema, known: readKnown } = pending;
    pending = null;
    isRunning = true;
    const known = readKnown();
    const fresh: ScenarioResult[] = [];
    let plan: RelationshipId[] = [];
    const merged = () => mergeProofResults(schema, known?.results ?? [], fresh, known ? plan : schema.relationships.map((r) => r.id));
    // Until PostgreSQL is up the proof waits in the connection's queue (after a crash, sending starts a fresh worker).
    onState({ proofStatus: isReady ? 'running' : 'starting' });
    connection
      .send({ type: 'prove', schema, known: known?.fingerprints ?? null }, timeLimitMs, (progress) => {
        if ('plan' in progress) {
          plan = progress.plan;
          onState({ proofPending: new Set(plan), proofStatus: 'running' });
        } else {
          fresh.push(...progress.results);
          const done = new Set(progress.results.map((r) => r.relationshipId));
          onState({
            proofReport: { problems: [], results: merged() },
            provedSchema: schema,
            proofFingerprints: null,
            proofPending: pendingAfter(plan, fresh, done),
          });
        }
      })
      .then(
        (report) => {
          const results = report.fingerprints ? merged() : [];
          onState({
            proofStatus: pending === null ? 'ready' : 'running',
            proofReport: { ...report, results },
            provedSchema: schema,
            proofFingerprints: report.fingerprints,
            proofPending: null,
            proofError: null,
          });
        },
        (error: Error) => {
          const lost = { proofPending: null, proofFingerprints: null };
          if (error instanceof WorkerCrashError) return onState(lost); // onCrash has said so
          if (error instanceof TimeLimitError) {
            onState({
              ...lost,
              proofStatus: 'starting',
              proofReport: null,
              provedSchema: null,
              proofError: `The proof ran past ${formatDuration(timeLimitMs)} and was stopped; PostgreSQL is restarting.`,
            });
          } else {
            onState({ ...lost, proofStatus: 'ready', proofError: `The proof could not run: ${error.message}` });
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
    request(schema, known = () => null) {
      pending = { schema, known };
      pump();
    },
    trace: (schema, relationshipId) => connection.send({ type: 'trace', schema, relationshipId }),
    proveMigration: (from, to, migration) => connection.send({ type: 'proveMigration', from, to, migration }),
  };
}

/** The planned relationships still waiting for results: the last one of a chunk may have more scenarios in the next. */
function pendingAfter(
  plan: readonly RelationshipId[],
  fresh: readonly ScenarioResult[],
  lastChunk: ReadonlySet<RelationshipId>,
): Set<RelationshipId> {
  const seen = new Set(fresh.map((r) => r.relationshipId));
  const last = fresh.at(-1)?.relationshipId;
  return new Set(plan.filter((id) => !seen.has(id) || (id === last && lastChunk.has(id))));
}
