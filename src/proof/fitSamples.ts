import {
  asSqlError,
  primaryKeyOf,
  resolveAll,
  scanSql,
  type CheckConstraint,
  type Column,
  type ColumnId,
  type Schema,
  type SqlRunner,
  type Table,
  type TableId,
} from '../model/index.ts';
import { domainBaseTypes } from './domainTypes.ts';
import { freshValue, NotProvable, RowPlanner, type PlannedRow } from './rowPlanner.ts';

/** Sample values chosen to meet the tables' CHECKs, by column: the row planner uses them instead of its own. */
export type FittedSamples = ReadonlyMap<ColumnId, string>;

/** Tries per table: enough for a CHECK over two or three columns, bounded so a CHECK nothing meets costs little. */
const triesPerTable = 32;

/**
 * Fits sample rows to the tables' CHECKs by asking PostgreSQL: a sample row of each table with CHECKs is
 * inserted (and rolled back); when a CHECK refuses it, the columns it names get, one at a time, the
 * constants it compares them with (`BETWEEN 1 AND 5` -> 1, then 2...; `IN ('M', 'F')` -> 'M'), a later
 * sample value (`due > ordered`), or a value at all (`(status = 'approved') = (approved_at IS NOT NULL)`),
 * until the row is accepted. Runs after the DDL, before the scenarios; a CHECK nothing meets leaves its
 * scenarios "not provable", with PostgreSQL's message.
 */
export async function fitSamples(db: SqlRunner, schema: Schema, only?: ReadonlySet<TableId>): Promise<FittedSamples> {
  const resolved = resolveAll(schema);
  const domains = domainBaseTypes(schema.sqlObjects ?? []);
  const fitted = new Map<ColumnId, string>();
  // `only`: the tables an incremental proof built; each table's fit depends only on it and its parents, built with it.
  for (const table of schema.tables.filter((t) => t.checks.length > 0 && (!only || only.has(t.id)))) {
    const tried = new Set<string>();
    let focus: { owner: Table; check: CheckConstraint } | undefined;
    let last: { columnId: ColumnId; previous: string | undefined } | undefined;
    for (let attempt = 0; attempt < triesPerTable; attempt++) {
      const planner = new RowPlanner(resolved, schema.enums, domains, fitted);
      // Far from the first rows' numbers, so a CHECK that small numbers meet by chance (BETWEEN 1 AND 5) still shows.
      planner.skipTo(1000);
      let row: PlannedRow;
      try {
        row = planner.insert(table);
      } catch (error) {
        if (error instanceof NotProvable) break;
        throw error;
      }
      const refused = await firstRefusal(db, row.statements);
      if (!refused) {
        // What met the CHECKs once meets them in every row: the columns they name keep this row's values.
        for (const c of checkedColumns(table, table.checks, resolved)) {
          if (row.values.has(c.id) && row.values.get(c.id) !== 'NULL' && fitted.get(c.id) !== freshValue)
            fitted.set(c.id, row.values.get(c.id)!);
        }
        break;
      }
      const owner = schema.tables.find((t) => t.name === refused.table && t.checks.some((c) => c.name === refused.constraint));
      const sameCheck = focus !== undefined && owner === focus.owner && refused.constraint === focus.check.name;
      if (last && (refused.code !== '23514' || sameCheck)) {
        // The last value did not help (or was not even of the column's kind): take it back, try the next.
        if (last.previous === undefined) fitted.delete(last.columnId);
        else fitted.set(last.columnId, last.previous);
      }
      if (refused.code === '23514') {
        if (!owner) break;
        focus = { owner, check: owner.checks.find((c) => c.name === refused.constraint)! };
      } else if (!focus) break;
      const next = candidates(focus.owner, focus.check, resolved, planner).find(([columnId, value]) => !tried.has(`${columnId}=${value}`));
      if (!next) break;
      tried.add(`${next[0]}=${next[1]}`);
      last = { columnId: next[0], previous: fitted.get(next[0]) };
      fitted.set(next[0], next[1]);
    }
  }
  return fitted;
}

/** Runs the rows from a savepoint and rolls them back: PostgreSQL's error for the first refused, or undefined. */
async function firstRefusal(
  db: SqlRunner,
  statements: readonly string[],
): Promise<{ code: string; table?: string; constraint?: string } | undefined> {
  await db.exec('SAVEPOINT fit_samples');
  try {
    await db.execEach(statements);
    return undefined;
  } catch (error) {
    const e = asSqlError(error);
    if (!e) throw error;
    return e;
  } finally {
    await db.exec('ROLLBACK TO SAVEPOINT fit_samples');
  }
}

/** The columns these CHECKs name that a sample row may fix: not a key, not computed by PostgreSQL, and not UNIQUE unless `withUnique`. */
function checkedColumns(
  table: Table,
  checks: readonly CheckConstraint[],
  resolved: ReturnType<typeof resolveAll>,
  withUnique = false,
): Column[] {
  const tokens = checks.flatMap((check) => scanSql(check.expression) ?? []);
  const names = new Set(
    tokens
      .filter((t) => t.name === 'IDENT')
      .map((t) => (t.text.startsWith('"') ? t.text.slice(1, -1).replaceAll('""', '"') : t.text.toLowerCase())),
  );
  const keyIds = new Set([
    ...primaryKeyOf(table).map((c) => c.id),
    ...resolved.flatMap((r) =>
      (r.kind === 'oneToOne' || r.kind === 'oneToMany') && r.child.id === table.id ? r.columns.map((c) => c.id) : [],
    ),
  ]);
  const unique = new Set([
    ...table.columns.filter((c) => c.isUnique).map((c) => c.id),
    ...table.indexes.filter((i) => i.isUnique).flatMap((i) => i.columnIds),
  ]);
  return table.columns.filter(
    (c) =>
      (names.has(c.name) || names.has(c.name.toLowerCase())) &&
      !keyIds.has(c.id) &&
      (withUnique || !unique.has(c.id)) &&
      !c.identity &&
      !c.generated,
  );
}

/** What to try for the columns a CHECK names: its constants (and each number plus one), a later sample value, then any value for a column left NULL. */
function candidates(
  table: Table,
  check: CheckConstraint,
  resolved: ReturnType<typeof resolveAll>,
  planner: RowPlanner,
): [ColumnId, string][] {
  const tokens = scanSql(check.expression) ?? [];
  const constants: string[] = [];
  tokens.forEach((t, i) => {
    const negative = tokens[i - 1]?.text === '-' && !['IDENT', 'ICONST', 'FCONST', 'SCONST'].includes(tokens[i - 2]?.name ?? '') ? '-' : '';
    if (t.name === 'SCONST') constants.push(t.text);
    if (t.name === 'ICONST' || t.name === 'FCONST') constants.push(negative + t.text, String(Number(negative + t.text) + 1));
  });
  const named = checkedColumns(table, [check], resolved);
  // A UNIQUE column the CHECK names cannot take one value in every row: it can be given a value of its own in each.
  const uniqueNamed = checkedColumns(table, [check], resolved, true).filter((c) => !named.includes(c));
  // The first few and a late sample value: another enum label, one column below or above the others (`due > ordered`), a value where NULL is refused.
  const samples = (c: Column) => {
    try {
      return [0, 1, 2, 3, 100_000].map((n) => planner.sample(c, n, table.name));
    } catch {
      return [];
    }
  };
  return [
    ...named.flatMap((c) => [...new Set([...constants, ...samples(c)])].map((v): [ColumnId, string] => [c.id, v])),
    ...uniqueNamed.map((c): [ColumnId, string] => [c.id, freshValue]),
  ];
}
