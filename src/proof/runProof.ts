import type { Problem, Schema, SqlError, SqlRunner } from '../model/index.ts';
import type { Statement } from '../ddl/index.ts';
import { buildScenarios } from './buildScenarios.ts';
import { fitSamples } from './fitSamples.ts';
import type { ScenarioResult } from './scenario.ts';
import { runScenarios } from './runScenarios.ts';
import { withSchemaLoaded, type ScratchOptions } from './scratchSchema.ts';

export { runScenario } from './runScenarios.ts';

/** The outcome of proving a schema: its DDL ran (or where it broke) and every scenario's verdict. */
export interface ProofReport {
  /** Model errors that kept the DDL from being generated; no scenario runs then. */
  problems: Problem[];
  /** The generated statement PostgreSQL refused, if any; no scenario runs then. */
  ddlError?: { statement: Statement; error: SqlError };
  results: ScenarioResult[];
}

/** Where a proof runs (a throwaway schema on a shared server, a statement time limit). */
export interface ProofOptions extends ScratchOptions {
  /** Called with each batch of results as it is judged (the worker sends them on in chunks). */
  onResults?: (results: ScenarioResult[]) => void;
}

/**
 * Runs the schema's DDL and every scenario against a database, inside one transaction that is always
 * rolled back, each scenario from the same savepoint: scenarios never see each other's rows and nothing is left behind.
 */
export async function runProof(db: SqlRunner, drawn: Schema, options: ProofOptions = {}): Promise<ProofReport> {
  const loaded = await withSchemaLoaded(
    db,
    drawn,
    async (statements, schema) => {
      const fitted = await fitSamples(db, schema);
      await db.exec('SAVEPOINT scenario');
      return runScenarios(db, buildScenarios(schema, statements, fitted), options.onResults);
    },
    options,
  );
  return { problems: loaded.problems, ...(loaded.ddlError ? { ddlError: loaded.ddlError } : {}), results: loaded.value ?? [] };
}

/** Counts of each verdict, for summaries and exit codes. */
export function summarize(report: ProofReport): Record<'passed' | 'failed' | 'notProvable', number> {
  const counts = { passed: 0, failed: 0, notProvable: 0 };
  for (const r of report.results) counts[r.verdict]++;
  return counts;
}
