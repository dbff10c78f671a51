import type { SqlError, SqlRunner } from '../model/index.ts';
import { judge, type Actual, type Scenario, type ScenarioResult, type UnbuildableScenario } from './scenario.ts';
import { requireSqlError } from './scratchSchema.ts';

/** Scenarios per round trip into PGlite: a few hundred milliseconds of work on 2 cores, so results reach the page in chunks. */
export const scenariosPerBatch = 150;

/**
 * Plays scenarios from the savepoint `scenario` taken after the DDL, in order. Where the runner sends
 * groups in one round trip (PGlite), each batch of scenarios is one call: its rollback and setup rows,
 * its test, its verification, each group closed by a Sync so a refusal ends only its own group.
 * `onResults` gets each batch's results as they are judged.
 */
export async function runScenarios(
  db: SqlRunner,
  built: readonly (Scenario | UnbuildableScenario)[],
  onResults?: (results: ScenarioResult[]) => void,
  batchSize = scenariosPerBatch,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (let at = 0; at < built.length; at += batchSize) {
    const batch = built.slice(at, at + batchSize);
    const judgedBatch = db.execGroups ? await runBatch(db, batch) : await oneByOne(db, batch);
    results.push(...judgedBatch);
    onResults?.(judgedBatch);
  }
  return results;
}

async function oneByOne(db: SqlRunner, batch: readonly (Scenario | UnbuildableScenario)[]): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const s of batch) results.push('notProvable' in s ? unbuildable(s) : await runScenario(db, s));
  return results;
}

/** One round trip: per scenario a group for the rollback and setup, one for the test, one for its verification if it has one. */
async function runBatch(db: SqlRunner, batch: readonly (Scenario | UnbuildableScenario)[]): Promise<ScenarioResult[]> {
  const groups: string[][] = [];
  for (const s of batch) {
    if ('notProvable' in s) continue;
    groups.push(['ROLLBACK TO SAVEPOINT scenario', ...s.setup], [s.test]);
    if (s.verify) groups.push([s.verify.sql]);
  }
  const outcomes = await db.execGroups!(groups);
  let next = 0;
  return batch.map((s) => {
    if ('notProvable' in s) return unbuildable(s);
    const [setup, test] = [outcomes[next++]!, outcomes[next++]!];
    const verify = s.verify ? outcomes[next++]! : undefined;
    if (setup.error !== undefined) return judged(s, { setupError: requireSqlError(setup.error) });
    const actual: Actual = test.error === undefined ? { outcome: 'accepted' } : { outcome: 'rejected', error: requireSqlError(test.error) };
    // The verification ran whatever the test did; it counts only after an accepted test, as one by one.
    return judged(s, { actual, verified: verify?.error === undefined && verify?.rows[0]?.[0] === 't' });
  });
}

/**
 * Plays one scenario from the savepoint taken after the DDL: the rollback to it, the setup rows (a
 * refused row is reported with PostgreSQL's own error, which names the row's table), then the
 * statement under test, whose outcome is its own.
 */
export async function runScenario(db: SqlRunner, scenario: Scenario): Promise<ScenarioResult> {
  try {
    await db.execEach(['ROLLBACK TO SAVEPOINT scenario', ...scenario.setup]);
  } catch (error) {
    return judged(scenario, { setupError: requireSqlError(error) });
  }
  const actual = await attemptStatement(db, scenario.test);
  const needsVerify =
    actual.outcome === 'accepted' && scenario.verify && judge(scenario.expected, actual, scenario.keyColumns).verdict === 'passed';
  const verified = needsVerify ? (await db.query(scenario.verify!.sql)).rows[0]?.ok === true : undefined;
  return judged(scenario, { actual, verified });
}

/** What running a scenario gave: a refused setup row, or the test's outcome and, when asked, whether its verification held. */
export type ScenarioRun = { setupError: SqlError } | { actual: Actual; verified?: boolean | undefined };

/** A scenario's verdict from what running it gave. */
export function judged(scenario: Scenario, run: ScenarioRun): ScenarioResult {
  const base = {
    id: scenario.id,
    relationshipId: scenario.relationshipId,
    kind: scenario.kind,
    title: scenario.title,
    because: scenario.because,
    sql: [...scenario.setup, scenario.test],
    expected: scenario.expected,
  };
  if ('setupError' in run) {
    const e = run.setupError;
    return { ...base, actual: null, verdict: 'notProvable', reason: `a sample row was refused while setting up (${e.code}: ${e.message})` };
  }
  const { actual } = run;
  const verdict = judge(scenario.expected, actual, scenario.keyColumns);
  if (verdict.verdict !== 'passed') return { ...base, actual, ...verdict };
  if (actual.outcome === 'accepted' && scenario.verify) {
    const verified = { verified: scenario.verify.expectation, sql: [...base.sql, scenario.verify.sql] };
    if (run.verified !== true)
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

/** A scenario that could not be built, as a result: not provable, with the reason. */
export function unbuildable(s: UnbuildableScenario): ScenarioResult {
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
