import { junctionTables, resolveAll, type RelationshipId, type Schema, type SqlRunner } from '../model/index.ts';
import { defaultDdlOptions, qualifiedName } from '../ddl/index.ts';
import { buildScenarios } from './buildScenarios.ts';
import { fitSamples } from './fitSamples.ts';
import { displayRows, type Cell } from './displayValue.ts';
import {
  describeActual,
  describeExpectation,
  judge,
  type Actual,
  type Expectation,
  type Scenario,
  type ScenarioKind,
  type Verdict,
} from './scenario.ts';
import { requireSqlError, withSchemaLoaded, type Loaded } from './scratchSchema.ts';

/** A table's rows after a step, with what the step added and removed. */
export interface TableRows {
  name: string;
  /** The table as SQL names it (schema-qualified outside public): unique among the tables shown. */
  ref: string;
  columns: string[];
  rows: Cell[][];
  /** Indexes in `rows` of rows the step added or changed. */
  changed: number[];
  /** Rows the step removed (or the old values of changed rows). */
  removed: Cell[][];
}

/** One statement of a scenario, what PostgreSQL did with it, why, and the tables afterwards. */
export interface TraceStep {
  role: 'setup' | 'test' | 'check';
  sql: string;
  outcome: Actual;
  why: string;
  /** For the statement under test and the check: whether PostgreSQL kept the diagram's promise. */
  verdict?: Verdict;
  tables: TableRows[];
}

/** A scenario played one statement at a time. */
export interface ScenarioTrace {
  id: string;
  kind: ScenarioKind;
  title: string;
  because: string;
  expected: Expectation | null;
  verdict: Verdict;
  reason?: string;
  steps: TraceStep[];
}

/** Every scenario of one relationship, step by step; `value` is absent when the DDL could not be loaded. */
export type Trace = Loaded<ScenarioTrace[]>;

/** Rows shown per table; a scenario touches a handful. */
const rowLimit = 50;

interface Watched {
  name: string;
  ref: string;
}

/** The tables a relationship's scenarios are about: parent and child, or both sides and the junction. */
function watchedTables(schema: Schema, relationshipId: RelationshipId): Watched[] {
  const resolved = resolveAll(schema).find((r) => r.relationship.id === relationshipId);
  const watch = (t: { schemaName: string; name: string }) => ({
    name: t.name,
    ref: qualifiedName(t.schemaName, t.name, defaultDdlOptions),
  });
  if (!resolved || resolved.kind === 'invalid') return [];
  if (resolved.kind === 'manyToMany') {
    const junction = junctionTables(schema).find((j) => j.relationshipId === relationshipId)!;
    return [...new Map([resolved.from, junction, resolved.to].map((t) => [watch(t).ref, watch(t)])).values()];
  }
  return [...new Map([resolved.parent, resolved.child].map((t) => [watch(t).ref, watch(t)])).values()];
}

/**
 * Plays one relationship's scenarios statement by statement, each statement in its own savepoint, and
 * reads the relationship's tables after each: the step-through that shows students why PostgreSQL
 * accepted or refused every row. Same scenarios and verdicts as the proof.
 */
export async function traceRelationship(db: SqlRunner, schema: Schema, relationshipId: RelationshipId): Promise<Trace> {
  const tables = watchedTables(schema, relationshipId);
  const tableNames = new Map(schema.tables.map((t) => [`INSERT INTO ${qualifiedName(t.schemaName, t.name, defaultDdlOptions)} `, t.name]));
  return withSchemaLoaded(db, schema, async (statements) => {
    const traces: ScenarioTrace[] = [];
    const fitted = await fitSamples(db, schema);
    for (const scenario of buildScenarios(schema, statements, fitted)) {
      if (scenario.relationshipId !== relationshipId) continue;
      if ('notProvable' in scenario) {
        traces.push({
          id: scenario.id,
          kind: scenario.kind,
          title: scenario.title,
          because: '',
          expected: null,
          verdict: 'notProvable',
          reason: scenario.notProvable,
          steps: [],
        });
        continue;
      }
      await db.exec('SAVEPOINT scenario');
      try {
        traces.push(await playScenario(db, scenario, tables, tableNames));
      } finally {
        await db.exec('ROLLBACK TO SAVEPOINT scenario');
      }
    }
    return traces;
  });
}

async function playScenario(db: SqlRunner, scenario: Scenario, tables: Watched[], tableNames: Map<string, string>): Promise<ScenarioTrace> {
  const trace: ScenarioTrace = {
    id: scenario.id,
    kind: scenario.kind,
    title: scenario.title,
    because: scenario.because,
    expected: scenario.expected,
    verdict: 'passed',
    steps: [],
  };
  let before = await snapshot(db, tables, undefined);
  const step = async (role: TraceStep['role'], sql: string, explain: (outcome: Actual) => string): Promise<Actual> => {
    const outcome = await attempt(db, sql);
    before = await snapshot(db, tables, before);
    trace.steps.push({ role, sql, outcome, why: explain(outcome), tables: before });
    return outcome;
  };
  for (const sql of scenario.setup) {
    const table = [...tableNames].find(([prefix]) => sql.startsWith(prefix))?.[1];
    const outcome = await step('setup', sql, (o) =>
      o.outcome === 'accepted'
        ? sql.startsWith('SET CONSTRAINTS')
          ? 'Accepted: the deferred key is checked at once from here on, as COMMIT would check it.'
          : `Accepted: a sample ${table ? `${table} ` : ''}row this scenario needs.`
        : 'Refused: a sample row this scenario needs could not be inserted, so the scenario cannot be run honestly.',
    );
    if (outcome.outcome === 'rejected')
      return {
        ...trace,
        verdict: 'notProvable',
        reason: `a sample row was refused while setting up (${outcome.error.code}: ${outcome.error.message})`,
      };
  }
  const actual = await step('test', scenario.test, (o) => explainTest(scenario, o));
  const judged = judge(scenario.expected, actual, scenario.keyColumns);
  trace.steps.at(-1)!.verdict = judged.verdict;
  if (judged.verdict !== 'passed' || actual.outcome !== 'accepted' || !scenario.verify) return { ...trace, ...judged };
  const { rows } = await db.query(scenario.verify.sql);
  const ok = rows[0]?.ok === true;
  trace.steps.push({
    role: 'check',
    sql: scenario.verify.sql,
    outcome: { outcome: 'accepted' },
    why: `Checked that ${scenario.verify.expectation}: ${ok ? 'it is' : 'it is NOT'}.`,
    verdict: ok ? 'passed' : 'failed',
    tables: before.map((t) => ({ ...t, changed: [], removed: [] })),
  });
  return ok ? trace : { ...trace, verdict: 'failed', reason: `expected ${scenario.verify.expectation}, but it was not` };
}

function explainTest(scenario: Scenario, actual: Actual): string {
  const judged = judge(scenario.expected, actual, scenario.keyColumns);
  const did = actual.outcome === 'accepted' ? 'Accepted' : `Refused with ${describeActual(actual).replace('rejected with ', '')}`;
  if (judged.verdict === 'passed') return `${did}, as the diagram says: ${scenario.because}.`;
  if (judged.verdict === 'notProvable') return `${did}, for a reason unrelated to this relationship: ${judged.reason}.`;
  return `${did}, but the diagram says ${scenario.because}, so PostgreSQL should have ${describeExpectation(scenario.expected)}.`;
}

async function attempt(db: SqlRunner, sql: string): Promise<Actual> {
  await db.exec('SAVEPOINT step');
  try {
    await db.exec(sql);
    await db.exec('RELEASE SAVEPOINT step');
    return { outcome: 'accepted' };
  } catch (error) {
    const sqlError = requireSqlError(error);
    await db.exec('ROLLBACK TO SAVEPOINT step');
    return { outcome: 'rejected', error: sqlError };
  }
}

async function snapshot(db: SqlRunner, tables: Watched[], previous: TableRows[] | undefined): Promise<TableRows[]> {
  return Promise.all(
    tables.map(async (table, i) => {
      const result = await db.query(`SELECT * FROM ${table.ref} ORDER BY ctid LIMIT ${rowLimit};`);
      const rows = displayRows(result);
      const old = new Set(previous?.[i]?.rows.map((r) => JSON.stringify(r)) ?? []);
      const now = new Set(rows.map((r) => JSON.stringify(r)));
      return {
        name: table.name,
        ref: table.ref,
        columns: result.fields,
        rows,
        changed: previous ? rows.flatMap((r, k) => (old.has(JSON.stringify(r)) ? [] : [k])) : [],
        removed: previous?.[i]?.rows.filter((r) => !now.has(JSON.stringify(r))) ?? [],
      };
    }),
  );
}
