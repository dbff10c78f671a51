import type { SqlObject } from '../model/index.ts';
import type { MigrationStep } from './migration.ts';
import type { Plan } from './plan.ts';

/** Steps after which a view reading the table must be made again: PostgreSQL refuses them while a view depends on the column. */
const remakingKinds: ReadonlySet<MigrationStep['kind']> = new Set(['dropTable', 'dropColumn', 'alterColumn', 'replaceType']);

/**
 * Kept views and materialized views: dropped first and made again last (as their kept text says) when
 * their text changed or a step drops or retypes something of a table they name; a view naming a remade
 * view is remade too. Views only in `from` are dropped, views only in `to` made.
 */
export function planKeptViews(plan: Plan, steps: readonly MigrationStep[]): void {
  const touchedTables = new Set(
    steps.filter((s) => remakingKinds.has(s.kind)).flatMap((s) => [s.tableId ?? s.relationshipId ?? ''].filter(Boolean)),
  );
  const touchedNames = [...touchedTables].flatMap((id) => {
    const table = plan.from.tables.get(id) ?? plan.from.tables.get(`junction:${id}`);
    return table ? [table.name] : [];
  });
  const next = new Map(plan.to.keptViews.map((v) => [v.id, v]));
  const remade = new Set(
    plan.from.keptViews.filter((v) => next.get(v.id)?.sql !== v.sql || touchedNames.some((name) => names(v.sql, name))).map((v) => v.id),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const v of plan.from.keptViews) {
      if (remade.has(v.id)) continue;
      if (plan.from.keptViews.some((r) => remade.has(r.id) && names(v.sql, bareName(r)))) {
        remade.add(v.id);
        grew = true;
      }
    }
  }
  for (const v of [...plan.from.keptViews].reverse())
    if (remade.has(v.id))
      plan.phases.dropViews.push({ kind: 'dropView', sql: `DROP ${v.kind === 'view' ? 'VIEW' : 'MATERIALIZED VIEW'} ${v.name};` });
  const before = new Set(plan.from.keptViews.map((v) => v.id));
  for (const v of plan.to.keptViews)
    if (remade.has(v.id) || !before.has(v.id))
      plan.phases.createViews.push({
        kind: 'createView',
        sql: v.sql,
        ...(v.kind === 'materializedView' ? { comment: `${v.name} is made WITH NO DATA as kept: REFRESH it` } : {}),
      });
}

/** A view's own name without its schema or quotes, as other views' text may name it. */
function bareName(v: SqlObject): string {
  const last = v.name.split('.').pop() ?? v.name;
  return last.replace(/^"|"$/g, '').replaceAll('""', '"');
}

/** Whether SQL text names an identifier as a whole word (a cautious reading: a false match only remakes a view). */
function names(sql: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}_$])${escaped}($|[^\\p{L}\\p{N}_$])`, 'u').test(sql);
}
