import {
  foreignKeysOf,
  resolveAll,
  type ColumnId,
  type ResolvedForeignKey,
  type ResolvedRelationship,
  type Schema,
  type SqlRunner,
  type Table,
  type TableId,
} from '../model/index.ts';
import { defaultDdlOptions, qualifiedName, quoteIdent } from '../ddl/index.ts';
import { domainBaseTypes } from './domainTypes.ts';
import { fitSamples } from './fitSamples.ts';
import { NotProvable, RowPlanner, type PlannedRow, type RowValues } from './rowPlanner.ts';
import { attemptEach } from './atomicAttempts.ts';

/** Numbers for the sample rows far from those of the scenarios (from 1) and of fitSamples (from 1000), within a smallint. */
const firstSampleNumber = 20000;

/**
 * Inserts `perTable` honest rows into every table (the proof engine's row planner: parents first,
 * values fitted to the CHECKs), each row an attempt of its own, checked at its end (a parent with the
 * children it must have); returns why the rows that could not be made or were refused are missing, so a
 * migration proof says what its rows stand on. Rows are planned a round at a time and each round sent in
 * a few round trips (`attemptEach`): every table's first row (filling optional columns too, their values
 * must survive as well), with parents of its own; where refused, one with only what is required (a CHECK
 * tying optional columns); then, for the tables that have a first row, the others, each pointing at the row
 * its parents got in the same round (`parentKeys`), and where that is refused, with parents of its own.
 */
export async function insertSampleRows(db: SqlRunner, schema: Schema, perTable: number): Promise<string[]> {
  const fitted = await fitSamples(db, schema);
  const resolved = resolveAll(schema);
  const planner = new RowPlanner(resolved, schema.enums, domainBaseTypes(schema.sqlObjects ?? []), fitted);
  planner.skipTo(firstSampleNumber);
  // Deferred checks answer at each row, which is then kept or refused on its own: pending events would
  // make the migration's ALTER TABLE fail (55006), and one parent without its mandatory child would sink every row.
  await db.exec('SET CONSTRAINTS ALL IMMEDIATE');
  const missing = new Map<TableId, string>();
  const withRow = new Set<TableId>();
  /** Plans a row of `table`; `planned` holds the rows of this round already planned (parents come first). */
  type Plan = (table: Table, planned: ReadonlyMap<TableId, PlannedRow>) => { statements: string[]; row: PlannedRow };
  /** One row of each table, planned then attempted; the tables whose row PostgreSQL refused, with why. */
  const round = async (tables: readonly Table[], plan: Plan): Promise<Map<Table, string>> => {
    const planned: { table: Table; statements: string[]; row: PlannedRow }[] = [];
    const rowsOf = new Map<TableId, PlannedRow>();
    for (const table of tables) {
      try {
        const made = plan(table, rowsOf);
        planned.push({ table, ...made });
        rowsOf.set(table.id, made.row);
      } catch (error) {
        if (!(error instanceof NotProvable)) throw error;
        missing.set(table.id, `no sample row for ${table.name}: ${error.message}`);
      }
    }
    const refusals = await attemptEach(
      db,
      planned.map((p) => p.statements),
    );
    const refused = new Map<Table, string>();
    planned.forEach((p, i) => (refusals[i] ? refused.set(p.table, refusals[i]) : withRow.add(p.table.id)));
    return refused;
  };
  /** A round, then the refused rows again as `retry` plans them; the tables refused both times are missing. */
  const withRetry = async (tables: readonly Table[], plan: Plan, retry: Plan) => {
    const retried = await round(tables, plan);
    for (const [table, why] of await round([...retried.keys()], retry))
      missing.set(table.id, `a sample row of ${table.name} was refused (${why})`);
  };
  const fresh =
    (everyColumn: boolean): Plan =>
    (t) =>
      withRequiredChildren(planner, t, resolved, everyColumn, new Map());
  const tables = parentsFirst(schema.tables, resolved);
  if (perTable > 0) await withRetry(tables, fresh(true), fresh(false));
  for (let i = 1; i < perTable; i++)
    await withRetry(
      tables.filter((t) => withRow.has(t.id) && !missing.has(t.id)),
      (t, planned) => withRequiredChildren(planner, t, resolved, false, parentKeys(t, resolved, planned)),
      fresh(false),
    );
  return tables.flatMap((t) => missing.get(t.id) ?? []);
}

/** Tables with each one's foreign-key parents before it where the references allow (a cycle keeps schema order). */
function parentsFirst(tables: readonly Table[], resolved: readonly ResolvedRelationship[]): Table[] {
  const ordered: Table[] = [];
  const seen = new Set<TableId>();
  const byId = new Map(tables.map((t) => [t.id, t]));
  const visit = (table: Table) => {
    if (seen.has(table.id)) return;
    seen.add(table.id);
    for (const fk of foreignKeysOf(table.id, resolved)) {
      const parent = byId.get(fk.parent.id);
      if (parent && parent.id !== table.id) visit(parent);
    }
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

/**
 * Values for the foreign keys of `table` that point at the row its parent has in the same round, so the
 * planner adds no parent of its own and each parent row still has at most one child by each key, as with
 * parents of their own (a migration adding UNIQUE over a key meets no duplicate the rows made up). Left to the planner: a self-reference, a key whose parent rows already bring
 * a child of their own (a mandatory end), and a key overlapping another.
 */
function parentKeys(table: Table, resolved: readonly ResolvedRelationship[], planned: ReadonlyMap<TableId, PlannedRow>): RowValues {
  const given: RowValues = new Map();
  for (const fk of foreignKeysOf(table.id, resolved)) {
    const parentRow = planned.get(fk.parent.id);
    if (!parentRow || fk.parent.id === table.id || fk.childEnd.min === 1) continue;
    const values = fk.parentColumns.map((c) => parentRow.values.get(c.id));
    if (values.some((v) => v === undefined) || fk.columns.some((c) => given.has(c.id))) continue;
    fk.columns.forEach((c, j) => given.set(c.id, values[j]!));
  }
  return given;
}

/**
 * The inserts of one row of `table` (with the parents it needs), and of a child row pointing at it for each
 * mandatory child end, with the constraints deferred until all are in and then checked at once: a parent the
 * planner adds for a child may itself need that child.
 */
function withRequiredChildren(
  planner: RowPlanner,
  table: Table,
  resolved: readonly ResolvedRelationship[],
  everyColumn: boolean,
  given: RowValues,
): { statements: string[]; row: PlannedRow } {
  const row = planner.insert(table, given, [], { everyColumn });
  const required = resolved.filter(
    (r): r is ResolvedForeignKey =>
      (r.kind === 'oneToMany' || r.kind === 'oneToOne') && r.parent.id === table.id && r.child.id !== table.id && r.childEnd.min === 1,
  );
  const children = required.flatMap((r) => {
    const pointing = new Map(r.columns.map((c, i) => [c.id, row.key.get(r.parentColumns[i]!.id)!]));
    return planner.insert(r.child, pointing, [table]).statements;
  });
  return { statements: ['SET CONSTRAINTS ALL DEFERRED', ...row.statements, ...children, 'SET CONSTRAINTS ALL IMMEDIATE'], row };
}

/**
 * Puts the INITIALLY DEFERRED constraints of the user schemas back to deferred after `insertSampleRows`
 * made every constraint immediate, so scenarios see each constraint as the schema declares it.
 */
export async function restoreInitialDeferral(db: SqlRunner): Promise<void> {
  const { rows } = await db.query(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(k.conname) AS name
     FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_namespace n ON n.oid = k.connamespace
     WHERE k.condeferred AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_temp%'`,
  );
  const names = [...new Set(rows.map((r) => String(r.name)))];
  if (names.length > 0) await db.exec(`SET CONSTRAINTS ${names.join(', ')} DEFERRED`);
}

/** How many rows a table holds, and per column (by id) how many non-NULL values and a digest of their texts. */
export interface RowCount {
  rows: number;
  values: Map<ColumnId, { count: number; digest: string | null }>;
}

/**
 * Counts rows and values of every table, by id: what a migration must keep under new names (a rename keeps
 * the digest; a drop and add does not). One query per table, all in one round trip where the runner sends
 * groups (PGlite); rejects with PostgreSQL's error for the first table it could not read.
 */
export async function countRows(db: SqlRunner, schema: Schema): Promise<Map<TableId, RowCount>> {
  const queries = schema.tables.map((table) => {
    const columns = table.columns.flatMap((c) => {
      const name = quoteIdent(c.name);
      return [`count(${name})`, `md5(string_agg(${name}::text, chr(10) ORDER BY ${name}::text))`];
    });
    // Every value as text, in this order, whichever way the runner returns rows.
    return `SELECT ${['count(*)', ...columns].map((c, i) => `(${c})::text AS v${i}`).join(', ')} FROM ${refOf(table)}`;
  });
  const rows = db.execGroups ? await countedInGroups(db, queries) : await countedOneByOne(db, queries);
  const counts = new Map<TableId, RowCount>();
  schema.tables.forEach((table, t) => {
    const row = rows[t]!;
    const values = new Map(table.columns.map((c, i) => [c.id, { count: Number(row[1 + 2 * i]), digest: row[2 + 2 * i] ?? null }]));
    counts.set(table.id, { rows: Number(row[0]), values });
  });
  return counts;
}

async function countedInGroups(db: SqlRunner, queries: readonly string[]): Promise<(string | null)[][]> {
  const outcomes = await db.execGroups!(queries.map((q) => [q]));
  const refused = outcomes.find((o) => o.error !== undefined);
  if (refused) throw refused.error;
  return outcomes.map((o) => o.rows[0] ?? []);
}

async function countedOneByOne(db: SqlRunner, queries: readonly string[]): Promise<(string | null)[][]> {
  const rows: (string | null)[][] = [];
  for (const query of queries) {
    const {
      rows: [row = {}],
    } = await db.query(query);
    rows.push(Object.keys(row).map((_, i) => (row[`v${i}`] as string | null | undefined) ?? null));
  }
  return rows;
}

/** A step of the migration that may lose a table's rows, or one column's values. */
export interface DataLoss {
  tableId: TableId;
  columnId?: ColumnId;
}

/**
 * Each table and column whose rows or values did not all survive the migration (matched by id, so a
 * rename keeps them), except where a step says it loses them; a dropped table or column counts as lost.
 */
export function lostRows(
  from: Schema,
  to: Schema,
  before: ReadonlyMap<TableId, RowCount>,
  after: ReadonlyMap<TableId, RowCount>,
  losesData: readonly DataLoss[],
): string[] {
  const mayLose = (tableId: TableId, columnId?: ColumnId) =>
    losesData.some((l) => l.tableId === tableId && (l.columnId === undefined || l.columnId === columnId));
  const lost: string[] = [];
  for (const old of from.tables) {
    const was = before.get(old.id);
    if (!was || mayLose(old.id)) continue;
    const now = to.tables.find((t) => t.id === old.id);
    const is = now && after.get(now.id);
    if (!now || !is) {
      if (was.rows > 0) lost.push(`table ${nameOf(old)}: dropped with its ${was.rows} rows, and no step says it loses them`);
      continue;
    }
    const under = nameOf(now) === nameOf(old) ? nameOf(now) : `${nameOf(now)} (was ${nameOf(old)})`;
    if (is.rows !== was.rows) lost.push(`table ${under}: ${was.rows} rows before the migration, ${is.rows} after`);
    for (const column of old.columns) {
      const had = was.values.get(column.id);
      if (!had || had.count === 0 || mayLose(old.id, column.id)) continue;
      const kept = now.columns.find((c) => c.id === column.id);
      const has = kept && is.values.get(kept.id);
      if (!kept || !has) {
        lost.push(`column ${nameOf(old)}.${column.name}: dropped with its ${had.count} values, and no step says it loses them`);
        continue;
      }
      const name = kept.name === column.name ? `${under}.${kept.name}` : `${under}.${kept.name} (was ${column.name})`;
      if (has.count < had.count) lost.push(`column ${name}: ${had.count} values before the migration, ${has.count} after`);
      // Under the same type the values read the same; a new type may write them differently (1.0 as 1.00).
      else if (kept.type === column.type && has.digest !== had.digest)
        lost.push(`column ${name}: its values are not those it had before the migration`);
    }
  }
  return lost;
}

function refOf(table: Table): string {
  return qualifiedName(table.schemaName, table.name, defaultDdlOptions);
}

function nameOf(table: Table): string {
  return `${table.schemaName}.${table.name}`;
}
