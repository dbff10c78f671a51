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

/** A table's primary-key columns in column order. */
export function primaryKeyOf(table: Table): Column[] {
  return table.columns.filter((c) => c.isPrimaryKey);
}
