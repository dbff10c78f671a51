import { foreignKeyColumnName, foreignKeyType, uniqueName } from './naming.ts';
import { resolveAll, type ResolvedJunction } from './resolve.ts';
import type { Column, Schema } from './schema.ts';
import type { RelationshipId } from './ids.ts';
import { memoize } from './memoize.ts';

/** A junction column that refers to one side's primary key. */
export interface JunctionKeyColumn {
  name: string;
  type: string;
  references: Column;
}

/** The junction table that implements a many-to-many relationship. */
export interface Junction {
  relationshipId: RelationshipId;
  name: string;
  schemaName: string;
  resolved: ResolvedJunction;
  /** Junction columns referencing the `from` table's key, then those referencing the `to` table's key. */
  fromColumns: JunctionKeyColumn[];
  toColumns: JunctionKeyColumn[];
  /** The user's own columns (a grade, a date joined). */
  extraColumns: Column[];
}

/** Junction tables for every many-to-many relationship: the user's name, or `from_to`, never clashing with a table. Remembered per schema object. */
export const junctionTables: (schema: Schema) => Junction[] = memoize((schema: Schema) => {
  const taken = new Set(schema.tables.map((t) => t.name));
  const junctions: Junction[] = [];
  for (const resolved of resolveAll(schema)) {
    if (resolved.kind !== 'manyToMany') continue;
    const { junction } = resolved.relationship;
    const name = junction.name || uniqueName(`${resolved.from.name}_${resolved.to.name}`, taken);
    taken.add(name);
    const columnNames = junction.columns.map((c) => c.name);
    const keyColumns = (table: { name: string }, key: Column[]) =>
      key.map((pk) => {
        const columnName = uniqueName(foreignKeyColumnName(table.name, pk.name), columnNames);
        columnNames.push(columnName);
        return { name: columnName, type: foreignKeyType(pk.type), references: pk };
      });
    const fromColumns = keyColumns(resolved.from, resolved.fromKey);
    const toColumns = keyColumns(resolved.to, resolved.toKey);
    junctions.push({
      relationshipId: resolved.relationship.id,
      name,
      schemaName: resolved.from.schemaName,
      resolved,
      fromColumns,
      toColumns,
      extraColumns: junction.columns,
    });
  }
  return junctions;
});
