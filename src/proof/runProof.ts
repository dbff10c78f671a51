import { type Problem, type Schema, type SqlError, type SqlRunner } from '../model/index.ts';
import type { Statement } from '../ddl/index.ts';
import { buildScenarios } from './buildScenarios.ts';
import { fitSamples } from './fitSamples.ts';
import { judge, type Actual, type Scenario, type ScenarioResult, type UnbuildableScenario } from './scenario.ts';
import { requireSqlError, withSchemaLoaded, type ScratchOptions } from './scratchSchema.ts';

/** The outcome of proving a schema: its DDL ran (or where it broke) and every scenario's verdict. */
export interface ProofReport {
  /** Model errors that kept the DDL from being generated; no scenario runs then. */
  problems: Problem[];
  /** The generated statement PostgreSQL refused, if any; no scenario runs then. */
  ddlError?: { statement: Statement; error: SqlError };
  results: ScenarioResult[];
}

/** Where a proof runs (a throwaway schema on a shared server, a statement time limit). */
export type ProofOptions = ScratchOptions;

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
      const results: ScenarioResult[] = [];
      for (const scenario of buildScenarios(schema, statements, fitted))
        results.push('notProvable' in scenario ? unbuildable(scenario) : await runScenario(db, scenario));
      return results;
    },
    options,
  );
  return { problems: loaded.problems, ...(loaded.ddlError ? { ddlError: loaded.ddlError } : {}), results: loaded.value ?? [] };
}

/**
 * Plays one scenario from the savepoint taken after the DDL: the rollback to it, the setup rows (a
 * refused row is reported with PostgreSQL's own error, which names the row's table), then the
 * statement under test, whose outcome is its own.
 */
export async function runScenario(db: SqlRunner, scenario: Scenario): Promise<ScenarioResult> {
  const base = {
    id: scenario.id,
    relationshipId: scenario.relationshipId,
    kind: scenario.kind,
    title: scenario.title,
    because: scenario.because,
    sql: [...scenario.setup, scenario.test],
    expected: scenario.expected,
  };
  try {
    await db.execEach(['ROLLBACK TO SAVEPOINT scenario', ...scenario.setup]);
  } catch (error) {
    const e = requireSqlError(error);
    return { ...base, actual: null, verdict: 'notProvable', reason: `a sample row was refused while setting up (${e.code}: ${e.message})` };
  }
  const actual = await attemptStatement(db, scenario.test);
  const judged = judge(scenario.expected, actual, scenario.keyColumns);
  if (judged.verdict !== 'passed') return { ...base, actual, ...judged };
  if (actual.outcome === 'accepted' && scenario.verify) {
    const { rows } = await db.query(scenario.verify.sql);
    const verified = { verified: scenario.verify.expectation, sql: [...base.sql, scenario.verify.sql] };
    if (rows[0]?.ok !== true)
      return { ...base, ...verified, actual, verdict: 'failed', reason: `expected ${scenario.verify.expectation}, but it was not` };
    return { ...base, ...verified, actual, verdict: 'passed' };
  }
  return { ...base, actual, verdict: 'passed' };
}

async function attemptStatement(db: SqlRunner, sql: string): Promise<Actual> {
  try {
    await db.exec(sql);
    return { outcome: 'accepted' };
  } catch (error) {
    return { outcome: 'rejected', error: requireSqlError(error) };
  }
}

function unbuildable(s: UnbuildableScenario): ScenarioResult {
  return {
    id: s.id,
    relationshipId: s.relationshipId,
    kind: s.kind,
    title: s.title,
    because: '',
    sql: [],
    expected: null,
    actual: null,
    verdict: 'notProvable',
    reason: s.notProvable,
  };
}

/** Counts of each verdict, for summaries and exit codes. */
export function summarize(report: ProofReport): Record<'passed' | 'failed' | 'notProvable', number> {
  const counts = { passed: 0, failed: 0, notProvable: 0 };
  for (const r of report.results) counts[r.verdict]++;
  return counts;
}
