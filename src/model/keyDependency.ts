import type { TableId } from './ids.ts';
import type { Schema } from './schema.ts';
import { childSide, otherSide, relationshipKind } from './resolve.ts';

/**
 * Whether a table's primary key holds (through identifying or shared keys, at any depth) a key that
 * refers to `onTableId`. Making `onTableId`'s key depend on such a table would make the key contain itself.
 */
export function keyDependsOn(schema: Schema, tableId: TableId, onTableId: TableId, seen: Set<TableId> = new Set()): boolean {
  if (tableId === onTableId) return true;
  if (seen.has(tableId)) return false;
  seen.add(tableId);
  const table = schema.tables.find((t) => t.id === tableId);
  if (!table) return false;
  const keyColumns = new Set(table.columns.filter((c) => c.isPrimaryKey).map((c) => c.id as string));
  return schema.relationships.some((r) => {
    if (relationshipKind(r) === 'manyToMany' || r[childSide(r)].tableId !== tableId) return false;
    if (!r.foreignKeyColumnIds.some((id) => keyColumns.has(id))) return false;
    return keyDependsOn(schema, r[otherSide(childSide(r))].tableId, onTableId, seen);
  });
}
