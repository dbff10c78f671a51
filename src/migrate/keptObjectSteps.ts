import { sqlObjectPlacement } from '../ddl/index.ts';
import type { SqlObject } from '../model/index.ts';
import type { MigrationStep } from './migration.ts';
import { callsAny } from './keptRoutineSteps.ts';
import type { Plan } from './plan.ts';
import { dropStep, keptRejection } from './keptDropSql.ts';

/** Steps after which a view reading the table must be made again: PostgreSQL refuses them while a view depends on the column. */
export const remakingKinds: ReadonlySet<MigrationStep['kind']> = new Set(['dropTable', 'dropColumn', 'alterColumn', 'replaceType']);

/** The names of the tables that steps drop or retype something of: what names them must be made again. */
export function touchedTableNames(plan: Plan, steps: readonly MigrationStep[], kinds = remakingKinds): string[] {
  const touchedTables = new Set(
    steps.filter((s) => kinds.has(s.kind)).flatMap((s) => [s.tableId ?? s.relationshipId ?? ''].filter(Boolean)),
  );
  return [...touchedTables].flatMap((id) => {
    const table = plan.from.tables.get(id) ?? plan.from.tables.get(`junction:${id}`);
    return table ? [table.name] : [];
  });
}

/**
 * Kept views, materialized views and indexes (partial, expression): dropped first and made again last (as
 * their kept text says) when their text changed, a step drops or retypes something of a table they
 * name, or they call a routine that is dropped (`droppedRoutines`); a view naming a remade view is
 * remade too. Matched by kind and name, so two imports line up. Returns the bare names of the views remade or dropped.
 */
export function planKeptObjects(
  plan: Plan,
  steps: readonly MigrationStep[],
  droppedRoutines: ReadonlySet<string> = new Set(),
): Set<string> {
  const touchedNames = touchedTableNames(plan, steps);
  const next = new Map(plan.to.keptViews.map((v) => [keyOf(v), v]));
  // An index follows its table through PostgreSQL's own ALTERs; a view must be made again.
  const isStale = (v: SqlObject) =>
    (v.kind !== 'index' && touchedNames.some((name) => names(v.sql, name))) || callsAny(v.sql, droppedRoutines);
  const remade = new Set(plan.from.keptViews.filter((v) => next.get(keyOf(v))?.sql !== v.sql || isStale(v)).map(keyOf));
  for (let grew = true; grew;) {
    grew = false;
    for (const v of plan.from.keptViews) {
      if (remade.has(keyOf(v))) continue;
      if (plan.from.keptViews.some((r) => remade.has(keyOf(r)) && r.kind !== 'index' && names(v.sql, bareName(r)))) {
        remade.add(keyOf(v));
        grew = true;
      }
    }
  }
  for (const v of [...inPlacementOrder(plan.from.keptViews)].reverse())
    if (remade.has(keyOf(v))) plan.phases.dropViews.push({ kind: 'dropView', ...dropStep(v) });
  const before = new Set(plan.from.keptViews.map(keyOf));
  const textBefore = new Map(plan.from.keptViews.map((v) => [keyOf(v), v.sql]));
  for (const v of inPlacementOrder(plan.to.keptViews)) {
    if (!remade.has(keyOf(v)) && before.has(keyOf(v))) continue;
    // A new or changed UNIQUE index: rows already in its table may repeat.
    const rejectsRows = textBefore.get(keyOf(v)) === v.sql ? undefined : keptRejection(v, plan.from.tables.values());
    plan.phases.createViews.push({
      kind: 'createView',
      sql: v.sql,
      ...(v.kind === 'materializedView' ? { comment: `${v.name} is made WITH NO DATA as kept: REFRESH it` } : {}),
      ...(rejectsRows ? { rejectsRows } : {}),
    });
  }
  const after = new Set(plan.to.keptViews.map(keyOf));
  return new Set(plan.from.keptViews.filter((v) => v.kind !== 'index' && (remade.has(keyOf(v)) || !after.has(keyOf(v)))).map(bareName));
}

/** A view's own name without its schema or quotes, as other views' text may name it. */
export function bareName(v: SqlObject): string {
  const last = v.name.split('.').pop() ?? v.name;
  return last.replace(/^"|"$/g, '').replaceAll('""', '"');
}

/** Whether SQL text names an identifier as a whole word (a cautious reading: a false match only remakes a view). */
export function names(sql: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}_$])${escaped}($|[^\\p{L}\\p{N}_$])`, 'u').test(sql);
}

/** A kept object's identity across versions and imports (ids are minted per import). */
function keyOf(o: SqlObject): string {
  return `${o.kind}:${o.name}`;
}

/** Views before the indexes on materialized views, each kind in kept order, as the DDL makes them. */
function inPlacementOrder(objects: readonly SqlObject[]): SqlObject[] {
  return objects
    .map((o, i) => ({ o, i }))
    .sort((a, b) => sqlObjectPlacement[a.o.kind].rank - sqlObjectPlacement[b.o.kind].rank || a.i - b.i)
    .map(({ o }) => o);
}

/**
 * Kept objects tables use (a sequence a new column's default calls, a domain, an extension): made before
 * the tables when new, dropped after them when gone. One whose text changed is left as it is and said so:
 * dropping it would take the columns that use it.
 */
export function planKeptTypes(plan: Plan): void {
  const before = new Map(plan.from.keptBeforeTables.map((o) => [keyOf(o), o]));
  const after = new Map(plan.to.keptBeforeTables.map((o) => [keyOf(o), o]));
  for (const o of plan.to.keptBeforeTables) {
    const old = before.get(keyOf(o));
    const standIn = plan.options.extensionStandIns === true && o.kind === 'extension';
    const sql = standIn ? o.standIn : o.sql;
    if (!old) {
      if (sql) plan.phases.createKeptTypes.push({ kind: 'createKeptObject', sql });
    } else if (old.sql !== o.sql)
      plan.phases.createKeptTypes.push({
        kind: 'createKeptObject',
        sql: '',
        comment: `${o.name} changed: change it by hand to read\n${o.sql}`,
      });
  }
  for (const o of [...plan.from.keptBeforeTables].reverse())
    if (!after.has(keyOf(o)) && !(plan.options.extensionStandIns && o.kind === 'extension'))
      plan.phases.dropKeptTypes.push({ kind: 'dropKeptObject', ...dropStep(o) });
}
