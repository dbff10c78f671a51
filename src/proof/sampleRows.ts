import {
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
import { NotProvable, RowPlanner } from './rowPlanner.ts';
import { requireSqlError } from './scratchSchema.ts';

/** Numbers for the sample rows far from those of the scenarios (from 1) and of fitSamples (from 1000), within a smallint. */
const firstSampleNumber = 20000;

/**
 * Inserts `perTable` honest rows into every table (the proof engine's row planner: parents first,
 * values fitted to the CHECKs), each attempt in a savepoint, checked at its end (a parent with the children it must have); returns why the rows that could not be
 * made or were refused are missing, so a migration proof says what its rows stand on.
 */
export async function insertSampleRows(db: SqlRunner, schema: Schema, perTable: number): Promise<string[]> {
  const fitted = await fitSamples(db, schema);
  const resolved = resolveAll(schema);
  const planner = new RowPlanner(resolved, schema.enums, domainBaseTypes(schema.sqlObjects ?? []), fitted);
  planner.skipTo(firstSampleNumber);
  const missing: string[] = [];
  // Deferred checks answer at each row, which is then kept or refused on its own: pending events would
  // make the migration's ALTER TABLE fail (55006), and one parent without its mandatory child would sink every row.
  await db.exec('SET CONSTRAINTS ALL IMMEDIATE');
  const attempt = async (statements: string[]): Promise<string | undefined> => {
    await db.exec('SAVEPOINT sample_row');
    try {
      await db.execEach(statements);
      await db.exec('RELEASE SAVEPOINT sample_row');
      return undefined;
    } catch (error) {
      const e = requireSqlError(error);
      await db.exec('ROLLBACK TO SAVEPOINT sample_row');
      return `${e.code}: ${e.message}`;
    }
  };
  for (const table of schema.tables) {
    for (let i = 0; i < perTable; i++) {
      try {
        // The first row fills the optional columns too (their values must survive as well); if PostgreSQL
        // refuses that row (a CHECK tying optional columns), a row with only what is required takes its place.
        const fullRowRefused = i === 0 ? await attempt(withRequiredChildren(planner, table, resolved, true)) : 'not tried';
        const refused = fullRowRefused && (await attempt(withRequiredChildren(planner, table, resolved, false)));
        if (!refused) continue;
        missing.push(`a sample row of ${table.name} was refused (${refused})`);
      } catch (error) {
        if (!(error instanceof NotProvable)) throw error;
        missing.push(`no sample row for ${table.name}: ${error.message}`);
      }
      break;
    }
  }
  return missing;
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
): string[] {
  const row = planner.insert(table, new Map(), [], { everyColumn });
  const required = resolved.filter(
    (r): r is ResolvedForeignKey =>
      (r.kind === 'oneToMany' || r.kind === 'oneToOne') && r.parent.id === table.id && r.child.id !== table.id && r.childEnd.min === 1,
  );
  const children = required.flatMap((r) => {
    const pointing = new Map(r.columns.map((c, i) => [c.id, row.key.get(r.parentColumns[i]!.id)!]));
    return planner.insert(r.child, pointing, [table]).statements;
  });
  return ['SET CONSTRAINTS ALL DEFERRED', ...row.statements, ...children, 'SET CONSTRAINTS ALL IMMEDIATE'];
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

/** Counts rows and values of every table, by id: what a migration must keep under new names (a rename keeps the digest; a drop and add does not). */
export async function countRows(db: SqlRunner, schema: Schema): Promise<Map<TableId, RowCount>> {
  const counts = new Map<TableId, RowCount>();
  for (const table of schema.tables) {
    const columns = table.columns.flatMap((c, i) => {
      const name = quoteIdent(c.name);
      return [`count(${name}) AS c${i}`, `md5(string_agg(${name}::text, chr(10) ORDER BY ${name}::text)) AS d${i}`];
    });
    const { rows } = await db.query(`SELECT ${['count(*) AS n', ...columns].join(', ')} FROM ${refOf(table)}`);
    const row = rows[0] ?? {};
    const values = new Map(
      table.columns.map((c, i) => [c.id, { count: Number(row[`c${i}`]), digest: (row[`d${i}`] as string | null) ?? null }]),
    );
    counts.set(table.id, { rows: Number(row.n), values });
  }
  return counts;
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
