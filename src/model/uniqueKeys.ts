import type { ColumnId } from './ids.ts';
import { primaryKeyOf } from './lookup.ts';
import type { ResolvedRelationship } from './resolve.ts';
import type { Table } from './schema.ts';

/** Same members, any order: PostgreSQL matches a foreign key's referenced columns to a key that way. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * The column sets PostgreSQL keeps unique in a table, which a foreign key may reference: the primary
 * key, a UNIQUE column, a unique index, and the UNIQUE a one-to-one (foreign key + UNIQUE) adds.
 */
export function uniqueColumnSets(table: Table, resolved: readonly ResolvedRelationship[]): ColumnId[][] {
  const key = primaryKeyOf(table).map((c) => c.id);
  return [
    ...(key.length > 0 ? [key] : []),
    ...table.columns.filter((c) => c.isUnique).map((c) => [c.id]),
    ...table.indexes.filter((i) => i.isUnique).map((i) => i.columnIds),
    ...resolved.flatMap((r) =>
      r.kind !== 'invalid' && r.kind !== 'manyToMany' && r.child.id === table.id && r.isUnique ? [r.columns.map((c) => c.id)] : [],
    ),
  ];
}

/** True when these columns of the table are its primary key or another UNIQUE set, so a foreign key may reference them. */
export function isUniqueColumnSet(table: Table, columnIds: readonly ColumnId[], resolved: readonly ResolvedRelationship[]): boolean {
  return uniqueColumnSets(table, resolved).some((set) => sameSet(set, columnIds));
}
