import type { SqlObject } from '../model/index.ts';
import { names, touchedTableNames } from './keptObjectSteps.ts';
import { callsAny } from './keptRoutineSteps.ts';
import type { MigrationStep } from './migration.ts';
import type { Plan } from './plan.ts';
import { dropStep } from './keptDropSql.ts';

const identifier = String.raw`(?:"(?:[^"]|"")*"|[^\s."(]+)`;
const triggerHead = new RegExp(
  String.raw`^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:CONSTRAINT\s+)?TRIGGER\s+(${identifier})\s[\s\S]*?\sON\s+(${identifier}(?:\.${identifier})?)\s`,
  'i',
);

/**
 * Kept triggers (`name on table`): dropped before anything else and made after everything else (the
 * functions they execute, the columns and views they name) when new, gone, changed, on a table a step
 * drops or retypes something of (a trigger may name its columns: `UPDATE OF`, `WHEN`), on a view
 * that is remade, or executing a routine that is dropped. Matched by kind and name across imports.
 */
export function planKeptTriggers(
  plan: Plan,
  steps: readonly MigrationStep[],
  droppedRoutines: ReadonlySet<string>,
  remadeViews: ReadonlySet<string>,
): void {
  const touched = [...touchedTableNames(plan, steps), ...remadeViews];
  const next = new Map(plan.to.keptTriggers.map((t) => [t.name, t]));
  const isStale = (t: SqlObject) => {
    const table = triggerHead.exec(t.sql)?.[2] ?? '';
    return touched.some((name) => names(table, name)) || callsAny(t.sql, droppedRoutines);
  };
  const remade = new Set(plan.from.keptTriggers.filter((t) => next.get(t.name)?.sql !== t.sql || isStale(t)).map((t) => t.name));
  for (const t of [...plan.from.keptTriggers].reverse()) {
    if (!remade.has(t.name)) continue;
    plan.phases.dropKeptTriggers.push({ kind: 'dropTrigger', ...dropStep(t) });
  }
  const before = new Set(plan.from.keptTriggers.map((t) => t.name));
  for (const t of plan.to.keptTriggers)
    if (remade.has(t.name) || !before.has(t.name)) plan.phases.createKeptTriggers.push({ kind: 'createTrigger', sql: t.sql });
}
