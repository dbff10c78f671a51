import { foreignKeyType, resolveAll, singular, uniqueName, type Column, type RelationshipId, type ResolvedJunction, type Schema } from '../model/index.ts';

/** The junction table that implements a many-to-many relationship. */
export interface Junction {
  relationshipId: RelationshipId;
  name: string;
  resolved: ResolvedJunction;
  /** Junction columns referencing the `from` table's key, then those referencing the `to` table's key. */
  fromColumns: { name: string; type: string; references: Column }[];
  toColumns: { name: string; type: string; references: Column }[];
}

/** Junction tables for every many-to-many relationship, named `from_to` and never clashing with a table. */
export function junctionTables(schema: Schema): Junction[] {
  const taken = schema.tables.map((t) => t.name);
  const junctions: Junction[] = [];
  for (const resolved of resolveAll(schema)) {
    if (resolved.kind !== 'manyToMany') continue;
    const name = uniqueName(`${resolved.from.name}_${resolved.to.name}`, taken);
    taken.push(name);
    const columnNames: string[] = [];
    const keyColumns = (table: { name: string }, key: Column[]) =>
      key.map((pk) => {
        const columnName = uniqueName(`${singular(table.name)}_${pk.name}`, columnNames);
        columnNames.push(columnName);
        return { name: columnName, type: foreignKeyType(pk.type), references: pk };
      });
    const fromColumns = keyColumns(resolved.from, resolved.fromKey);
    const toColumns = keyColumns(resolved.to, resolved.toKey);
    junctions.push({ relationshipId: resolved.relationship.id, name, resolved, fromColumns, toColumns });
  }
  return junctions;
}
