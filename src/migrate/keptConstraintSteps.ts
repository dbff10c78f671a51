import type { SqlObject } from '../model/index.ts';
import { names, remakingKinds, touchedTableNames } from './keptObjectSteps.ts';
import { callsAny } from './keptRoutineSteps.ts';
import type { MigrationStep } from './migration.ts';
import type { Plan } from './plan.ts';
import { dropStep, keptRejection } from './keptDropSql.ts';

const identifier = String.raw`(?:"(?:[^"]|"")*"|[^\s."(]+)`;
const constraintHead = new RegExp(
  String.raw`^\s*ALTER\s+TABLE\s+(?:ONLY\s+)?(${identifier}(?:\.${identifier})?)\s+ADD\s+CONSTRAINT\s+(${identifier})\s`,
  'i',
);

/** Steps that also stale a kept constraint naming the table: a key it references dropped and made again. */
const constraintRemakingKinds: ReadonlySet<MigrationStep['kind']> = new Set([...remakingKinds, 'dropConstraint', 'dropIndex']);

/**
 * Kept table constraints (exclusion constraints, foreign keys no relationship draws), kept as
 * `ALTER TABLE … ADD CONSTRAINT`: dropped before the foreign keys and added after them when new, gone,
 * changed, naming a table a step drops, retypes or drops a key of, or calling a routine that is dropped.
 * Matched by their table and name across imports.
 */
export function planKeptConstraints(plan: Plan, steps: readonly MigrationStep[], droppedRoutines: ReadonlySet<string>): void {
  const touched = touchedTableNames(plan, steps, constraintRemakingKinds);
  const next = new Map(plan.to.keptConstraints.map((c) => [keyOf(c), c]));
  const isStale = (c: SqlObject) => touched.some((name) => names(c.sql, name)) || callsAny(c.sql, droppedRoutines);
  const remade = new Set(plan.from.keptConstraints.filter((c) => next.get(keyOf(c))?.sql !== c.sql || isStale(c)).map(keyOf));
  for (const c of [...plan.from.keptConstraints].reverse()) {
    if (!remade.has(keyOf(c))) continue;
    plan.phases.dropForeignKeys.push({ kind: 'dropConstraint', ...dropStep(c) });
  }
  const before = new Set(plan.from.keptConstraints.map(keyOf));
  const textBefore = new Map(plan.from.keptConstraints.map((c) => [keyOf(c), c.sql]));
  for (const c of plan.to.keptConstraints) {
    if (!remade.has(keyOf(c)) && before.has(keyOf(c))) continue;
    // New or changed text: rows already in its table may break it.
    const rejectsRows = textBefore.get(keyOf(c)) === c.sql ? undefined : keptRejection(c, plan.from.tables.values());
    plan.phases.addForeignKeys.push({ kind: 'addConstraint', sql: c.sql, ...(rejectsRows ? { rejectsRows } : {}) });
  }
}

/** A kept constraint's identity: its table and name as its text has them (names are unique per table only). */
function keyOf(c: SqlObject): string {
  const head = constraintHead.exec(c.sql);
  return head ? `${head[1]}|${head[2]}` : `|${c.name}`;
}
