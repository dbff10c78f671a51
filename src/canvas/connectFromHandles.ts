import { defaultEnds, primaryKeyOf, type ColumnId, type Schema, type TableId } from '../model/index.ts';
import type { ConnectOptions } from '../store/index.ts';

/** The handle id of a column's connection dot. */
export const columnHandleId = (columnId: ColumnId) => `col:${columnId}`;

/** What a drag on the canvas means: which table is the parent, which the child, and which column holds the key. */
export interface DragConnection {
  parentId: TableId;
  childId: TableId;
  options?: ConnectOptions;
}

/**
 * A drag from a table's side (or a key column) makes the table dragged from the parent, one-to-many.
 * A drag that starts on a non-key column makes that column the foreign key, pointing at the table
 * dropped on (when that table has a one-column primary key).
 */
export function readDragConnection(
  schema: Schema,
  source: TableId,
  sourceHandle: string | null | undefined,
  target: TableId,
): DragConnection {
  const columnId = sourceHandle?.startsWith('col:') ? (sourceHandle.slice(4) as ColumnId) : undefined;
  const column = columnId ? schema.tables.find((t) => t.id === source)?.columns.find((c) => c.id === columnId) : undefined;
  const parent = schema.tables.find((t) => t.id === target);
  if (!column || column.isPrimaryKey || !parent || primaryKeyOf(parent).length !== 1) return { parentId: source, childId: target };
  return { parentId: target, childId: source, options: { ...defaultEnds, foreignKeyColumnIds: [column.id] } };
}
