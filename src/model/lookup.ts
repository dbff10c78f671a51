import type { ColumnId, RelationshipId, TableId } from './ids.ts';
import type { Column, Relationship, Schema, Table } from './schema.ts';

/** The table with this id, or undefined. */
export function findTable(schema: Schema, id: TableId): Table | undefined {
  return schema.tables.find((t) => t.id === id);
}

/** The column with this id in a table, or undefined. */
export function findColumn(table: Table, id: ColumnId): Column | undefined {
  return table.columns.find((c) => c.id === id);
}

/** The relationship with this id, or undefined. */
export function findRelationship(schema: Schema, id: RelationshipId): Relationship | undefined {
  return schema.relationships.find((r) => r.id === id);
}

/**
 * A table's primary-key columns in key order: `primaryKeyColumnIds` as the database declared them
 * (those still marked PK), then any other PK column in column order, so a later edit never loses one.
 */
export function primaryKeyOf(table: Table): Column[] {
  const marked = table.columns.filter((c) => c.isPrimaryKey);
  if (!table.primaryKeyColumnIds) return marked;
  const ordered = table.primaryKeyColumnIds.map((id) => marked.find((c) => c.id === id)).filter((c): c is Column => c !== undefined);
  return [...new Set([...ordered, ...marked])];
}
