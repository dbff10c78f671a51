import { describeEnd } from './cardinality.ts';
import { findTable } from './lookup.ts';
import { plural, singular } from './naming.ts';
import type { Relationship, RelationshipEnd, Schema } from './schema.ts';

/** "zero or one passport_info", "zero or many books" (or "addresses" for a table named `address`): the count, then the table. */
export function describeCount(end: RelationshipEnd, tableName: string): string {
  return `${describeEnd(end)} ${end.max === 1 ? singular(tableName) : plural(tableName)}`;
}

/**
 * Reads a relationship aloud, for tooltips and screen readers:
 * "each author has zero or one passport_info; each passport_info belongs to exactly one author".
 */
export function describeRelationship(schema: Schema, rel: Relationship): string {
  const from = findTable(schema, rel.from.tableId)?.name ?? '?';
  const to = findTable(schema, rel.to.tableId)?.name ?? '?';
  const verb = rel.name.trim() || 'has';
  return `each ${singular(from)} ${verb} ${describeCount(rel.to, to)}; each ${singular(to)} belongs to ${describeCount(rel.from, from)}`;
}
