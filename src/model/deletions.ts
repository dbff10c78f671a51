import type { ColumnId, TableId } from './ids.ts';
import type { Column, Schema } from './schema.ts';
import { deleteRelationship, reconcileTable } from './relationshipEdits.ts';
import { updateColumn, updateTable, withoutColumns } from './tableEdits.ts';

/** Deletes a table with every relationship that touches it (and the key columns those added elsewhere). */
export function deleteTable(schema: Schema, tableId: TableId): Schema {
  const touching = schema.relationships.filter((r) => r.from.tableId === tableId || r.to.tableId === tableId);
  const without = touching.reduce((s, r) => deleteRelationship(s, r.id), schema);
  return { ...without, tables: without.tables.filter((t) => t.id !== tableId) };
}

/** Deletes a column with the indexes on it; relationships whose foreign key used it or named it as their alternate key go too, and keys that referenced it are re-derived. */
export function deleteColumn(schema: Schema, tableId: TableId, columnId: ColumnId): Schema {
  // A key referring to the column goes with it too, as DROP COLUMN ... CASCADE drops that constraint.
  const users = schema.relationships.filter(
    (r) =>
      (r.foreignKeyColumnIds.includes(columnId) && !isPrimaryKeyColumn(schema, tableId, columnId)) ||
      r.referencedColumnIds?.includes(columnId),
  );
  const without = users.reduce((s, r) => deleteRelationship(s, r.id), schema);
  const removed = updateTable(without, tableId, (t) => withoutColumns(t, new Set([columnId])));
  return reconcileTable(removed, tableId);
}

/** Changes a column and re-derives the keys that depend on it (a new primary key, a new key type). */
export function editColumn(schema: Schema, tableId: TableId, columnId: ColumnId, patch: Partial<Omit<Column, 'id'>>): Schema {
  const updated = updateColumn(schema, tableId, columnId, patch);
  const touchesKeys = 'isPrimaryKey' in patch || 'type' in patch;
  return touchesKeys ? reconcileTable(updated, tableId) : updated;
}

function isPrimaryKeyColumn(schema: Schema, tableId: TableId, columnId: ColumnId): boolean {
  return schema.tables.some((t) => t.id === tableId && t.columns.some((c) => c.id === columnId && c.isPrimaryKey));
}
