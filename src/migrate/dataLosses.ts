import type { ColumnId, TableId } from '../model/index.ts';
import type { MigrationStep } from './migration.ts';

/** A table (or one of its columns) whose rows or values a step may lose, as the migration proof takes it. */
export interface StepDataLoss {
  tableId: TableId;
  columnId?: ColumnId;
}

/** The tables and columns whose data the steps say they may lose: a proof does not count their rows as lost. */
export function dataLossesOf(steps: readonly MigrationStep[]): StepDataLoss[] {
  return steps
    .filter((s) => s.losesData !== undefined && s.tableId)
    .map((s) => ({ tableId: s.tableId!, ...(s.columnId ? { columnId: s.columnId } : {}) }));
}
