import type { Column, Relationship, Table } from './schema.ts';
import { primaryKeyOf } from './lookup.ts';

/** The parent columns a foreign key refers to: the alternate key it names (those still there), else the parent's primary key. */
export function referencedKeyOf(rel: Relationship, parent: Table): Column[] {
  if (!rel.referencedColumnIds) return primaryKeyOf(parent);
  return rel.referencedColumnIds.flatMap((id) => parent.columns.find((c) => c.id === id) ?? []);
}
