import type { Schema } from '../model/index.ts';
import { replacedColumns, planColumns } from './columnSteps.ts';
import { planConstraints } from './constraintSteps.ts';
import { databaseObjects, type DatabaseObjects } from './databaseObjects.ts';
import { planEnums } from './enumSteps.ts';
import { planKeptConstraints } from './keptConstraintSteps.ts';
import { planKeptObjects, planKeptTypes } from './keptObjectSteps.ts';
import { planKeptRoutines } from './keptRoutineSteps.ts';
import { planKeptTriggers } from './keptTriggerSteps.ts';
import type { Migration, MigrationStep } from './migration.ts';
import { phaseOrder, type DiffOptions, type Plan } from './plan.ts';
import { proposeRenames } from './proposeRenames.ts';
import { planTables } from './tableSteps.ts';
import { planTriggers } from './triggerSteps.ts';

export type { DiffOptions } from './plan.ts';

/**
 * The migration from one version of a schema to another, matched by id: a renamed table or column is
 * renamed, never dropped and added. Up reaches `to`'s DDL from `from`'s; down is the same diff reversed.
 */
export function diffSchemas(from: Schema, to: Schema, options: DiffOptions = {}): Migration {
  const before = databaseObjects(from);
  const after = databaseObjects(to);
  const problems = [...before.problems, ...after.problems].filter((p) => p.severity === 'error');
  if (problems.length > 0) return { up: [], down: [], proposedRenames: [], problems };
  return {
    up: planSteps(before, after, options),
    down: planSteps(after, before, options),
    proposedRenames: proposeRenames(before, after),
    problems: [],
  };
}

/** The steps that turn the database `from` describes into the one `to` describes, in an order PostgreSQL accepts. */
export function planSteps(from: DatabaseObjects, to: DatabaseObjects, options: DiffOptions = {}): MigrationStep[] {
  const plan: Plan = {
    from,
    to,
    options,
    replaced: replacedColumns(from.tables, to.tables),
    phases: Object.fromEntries(phaseOrder.map((p) => [p, []])) as unknown as Plan['phases'],
  };
  planTables(plan);
  planColumns(plan);
  planConstraints(plan);
  planEnums(plan);
  planTriggers(plan);
  planKeptTypes(plan);
  // What tables' own steps touch, before the routines' (a default dropped around its function touches no view).
  const steps = phaseOrder.flatMap((p) => plan.phases[p]);
  const droppedRoutines = planKeptRoutines(plan);
  const remadeViews = planKeptObjects(plan, steps, droppedRoutines);
  planKeptTriggers(plan, steps, droppedRoutines, remadeViews);
  planKeptConstraints(plan, steps, droppedRoutines);
  return phaseOrder.flatMap((p) => plan.phases[p]);
}
