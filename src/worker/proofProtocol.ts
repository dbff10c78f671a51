import type { RelationshipId, Schema } from '../model/index.ts';
import type { ImportResult } from '../io/importSql.ts';
import type {
  ConsoleResult,
  IncrementalProofReport,
  MigrationProofReport,
  MigrationUnderProof,
  ProofFingerprints,
  ScenarioResult,
  Trace,
} from '../proof/index.ts';

/** What the page asks of a PostgreSQL worker, without the id the connection adds. */
export type WorkerTask =
  /** `known`: the fingerprints the page's results stand on; only relationships whose fingerprint changed are proved (null: all). */
  | { type: 'prove'; schema: Schema; known?: ProofFingerprints | null }
  | { type: 'trace'; schema: Schema; relationshipId: RelationshipId }
  | { type: 'console'; schema: Schema; sql: string }
  | { type: 'proveMigration'; from: Schema; to: Schema; migration: MigrationUnderProof }
  | { type: 'import'; sql: string };

/** The answer to each kind of task. */
export interface TaskResults {
  prove: IncrementalProofReport;
  trace: Trace;
  console: ConsoleResult;
  proveMigration: MigrationProofReport;
  import: ImportResult;
}

/** Messages the page sends a PostgreSQL worker. */
export type WorkerRequest = WorkerTask & { id: number };

/** Messages a PostgreSQL worker sends back. */
export type WorkerResponse =
  | { type: 'ready' }
  | { type: 'startFailed'; message: string }
  | { type: 'progress'; id: number; progress: ProofProgress }
  | { type: 'done'; id: number; result: TaskResults[WorkerTask['type']] }
  | { type: 'failed'; id: number; message: string };

/** What a running proof sends before it is done: which relationships it proves, then their results in chunks. */
export type ProofProgress = { plan: RelationshipId[] } | { results: ScenarioResult[] };
