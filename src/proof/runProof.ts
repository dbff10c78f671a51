import { asSqlError, type Problem, type Schema, type SqlError, type SqlRunner } from '../model/index.ts';
import { defaultDdlOptions, generateDdl, quoteIdent, type Statement } from '../ddl/index.ts';
import { intoOneSchema } from '../ddl/intoOneSchema.ts';
import { buildScenarios } from './buildScenarios.ts';
import { matchesExpectation, type Actual, type Scenario, type ScenarioResult, type UnbuildableScenario } from './scenario.ts';

/** The outcome of proving a schema: its DDL ran (or where it broke) and every scenario's verdict. */
export interface ProofReport {
  /** Model errors that kept the DDL from being generated; no scenario runs then. */
  problems: Problem[];
  /** The generated statement PostgreSQL refused, if any; no scenario runs then. */
  ddlError?: { statement: Statement; error: SqlError };
  results: ScenarioResult[];
}

/** Scratch schema the proof builds inside its own transaction; it never outlives the run. */
const proofSchema = 'erd_proof';

/** Where a proof runs: for a shared server, a fresh schema holding everything, and a time limit. */
export interface ProofOptions {
  /**
   * Moves every table and type into this schema, which the DDL creates and every scenario names, so
   * nothing can meet an existing object; null runs the DDL as drawn, with `erd_proof` first on the search path.
   */
  schemaName?: string | null;
  /** Cancels any one statement running longer than this (SET LOCAL statement_timeout); null for no limit. */
  statementTimeoutMs?: number | null;
}

/** Error classes that mean a relationship's constraint answered, as opposed to a bad sample row. */
const judgedCodes = new Set(['23001', '23502', '23503', '23505']);

/**
 * Runs the schema's DDL and every scenario against a database, inside one transaction that is always
 * rolled back, each scenario from the same savepoint: scenarios never see each other's rows and nothing is left behind.
 * Round trips are few (the DDL is one script, a scenario's setup another) because they, not PostgreSQL, were most of the time.
 */
export async function runProof(db: SqlRunner, drawn: Schema, { schemaName = null, statementTimeoutMs = null }: ProofOptions = {}): Promise<ProofReport> {
  const { statements, problems } = generateDdl(drawn, { ...defaultDdlOptions, schemaName });
  if (problems.some((p) => p.severity === 'error')) return { problems, results: [] };
  const scenarios = buildScenarios(schemaName === null ? drawn : intoOneSchema(drawn, schemaName), statements);
  await db.exec('BEGIN');
  try {
    const timeout = statementTimeoutMs === null ? '' : `SET LOCAL statement_timeout = ${Math.ceil(statementTimeoutMs)}; `;
    const scratch = schemaName === null ? `CREATE SCHEMA ${proofSchema}; SET LOCAL search_path TO ${proofSchema};` : `SET LOCAL search_path TO ${quoteIdent(schemaName)};`;
    await db.exec(`${timeout}${scratch} SAVEPOINT ddl;`);
    const ddlError = await runDdl(db, statements.filter((s) => s.kind !== 'note'));
    if (ddlError) return { problems, ddlError, results: [] };
    await db.exec('SAVEPOINT scenario');
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) results.push('notProvable' in scenario ? unbuildable(scenario) : await runScenario(db, scenario));
    return { problems, results };
  } finally {
    await db.exec('ROLLBACK');
  }
}

/** Statements as one script: a line break ends any trailing `--` comment before the separator. */
function script(statements: readonly string[]): string {
  return statements.join('\n;\n');
}

/**
 * Runs the DDL as one script. Only when PostgreSQL refuses it are the statements run again one at a
 * time, from the savepoint before the script, so the report names the refused statement and gives the
 * error exactly as that statement alone raises it.
 */
async function runDdl(db: SqlRunner, statements: readonly Statement[]): Promise<ProofReport['ddlError']> {
  try {
    await db.exec(script(statements.map((s) => s.sql)));
    return undefined;
  } catch (error) {
    requireSqlError(error);
  }
  await db.exec('ROLLBACK TO SAVEPOINT ddl');
  for (const statement of statements) {
    try {
      await db.exec(statement.sql);
    } catch (error) {
      return { statement, error: requireSqlError(error) };
    }
  }
  return undefined;
}

/**
 * Plays one scenario from the savepoint taken after the DDL: the rollback to it and the setup rows go
 * in one script (a refused row is reported with PostgreSQL's own error, which names the row's table),
 * the statement under test alone, so its outcome is its own.
 */
async function runScenario(db: SqlRunner, scenario: Scenario): Promise<ScenarioResult> {
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
    await db.exec(script(['ROLLBACK TO SAVEPOINT scenario', ...scenario.setup]));
  } catch (error) {
    const e = requireSqlError(error);
    return { ...base, actual: null, verdict: 'notProvable', reason: `a sample row was refused while setting up (${e.code}: ${e.message})` };
  }
  const actual = await attemptStatement(db, scenario.test);
  if (actual.outcome === 'rejected' && !judgedCodes.has(actual.error.code) && !matchesExpectation(scenario.expected, actual)) {
    return { ...base, actual, verdict: 'notProvable', reason: `the sample row broke a rule unrelated to this relationship (${actual.error.code}: ${actual.error.message})` };
  }
  if (!matchesExpectation(scenario.expected, actual)) return { ...base, actual, verdict: 'failed' };
  if (actual.outcome === 'accepted' && scenario.verify) {
    const { rows } = await db.query(scenario.verify.sql);
    const verified = { verified: scenario.verify.expectation, sql: [...base.sql, scenario.verify.sql] };
    if (rows[0]?.ok !== true) return { ...base, ...verified, actual, verdict: 'failed', reason: `expected ${scenario.verify.expectation}, but it was not` };
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
  return { id: s.id, relationshipId: s.relationshipId, kind: s.kind, title: s.title, because: '', sql: [], expected: null, actual: null, verdict: 'notProvable', reason: s.notProvable };
}

/** Anything but a PostgreSQL error (a dead connection, a bug) is not a verdict: let it surface. */
function requireSqlError(error: unknown): SqlError {
  const sqlError = asSqlError(error);
  if (!sqlError) throw error;
  return sqlError;
}

/** Counts of each verdict, for summaries and exit codes. */
export function summarize(report: ProofReport): Record<'passed' | 'failed' | 'notProvable', number> {
  const counts = { passed: 0, failed: 0, notProvable: 0 };
  for (const r of report.results) counts[r.verdict]++;
  return counts;
}
