import type { ColumnId } from './ids.ts';
import { primaryKeyOf } from './lookup.ts';
import type { ResolvedForeignKey, ResolvedRelationship } from './resolve.ts';
import { memoize } from './memoize.ts';

/** True when a foreign key's columns are unique without a constraint of its own: the whole primary key, one UNIQUE column, or a unique index on exactly them. */
export function isForeignKeyAlreadyUnique(r: ResolvedForeignKey): boolean {
  const key = primaryKeyOf(r.child);
  const sameAsKey = key.length === r.columns.length && key.every((k) => r.columns.includes(k));
  const ids = r.columns.map((c) => c.id);
  const hasUniqueIndex = r.child.indexes.some(
    (i) => i.isUnique && i.columnIds.length === ids.length && i.columnIds.every((id) => ids.includes(id)),
  );
  return sameAsKey || (r.columns.length === 1 && r.columns[0]!.isUnique) || hasUniqueIndex;
}

/** True when the DDL adds a UNIQUE constraint for this relationship: a 1:1 (FK + UNIQUE) on columns not already unique. */
export function addsUniqueConstraint(r: ResolvedForeignKey): boolean {
  return r.isUnique && !isForeignKeyAlreadyUnique(r);
}

/**
 * The columns a relationship makes UNIQUE (the foreign key of a 1:1 drawn as FK + UNIQUE), each with that
 * relationship, so the canvas and the inspector can show what the DDL enforces though the user never ticked it.
 */
export const uniqueByRelationship: (resolved: readonly ResolvedRelationship[]) => ReadonlyMap<ColumnId, ResolvedForeignKey> = memoize(
  (resolved: readonly ResolvedRelationship[]) => {
    const unique = new Map<ColumnId, ResolvedForeignKey>();
    for (const r of resolved) {
      if (r.kind !== 'oneToOne' || !addsUniqueConstraint(r)) continue;
      for (const column of r.columns) if (!unique.has(column.id)) unique.set(column.id, r);
    }
    return unique;
  },
);
