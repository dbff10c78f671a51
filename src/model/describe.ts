import { describeEnd } from './cardinality.ts';
import { findTable } from './lookup.ts';
import type { Relationship, Schema } from './schema.ts';

/**
 * Reads a relationship aloud, for tooltips and screen readers:
 * "each authors has zero or one passport_info; each passport_info belongs to exactly one authors".
 */
export function describeRelationship(schema: Schema, rel: Relationship): string {
  const from = findTable(schema, rel.from.tableId)?.name ?? '?';
  const to = findTable(schema, rel.to.tableId)?.name ?? '?';
  const verb = rel.name.trim() || 'has';
  return `each ${from} ${verb} ${describeEnd(rel.to)} ${to}; each ${to} belongs to ${describeEnd(rel.from)} ${from}`;
}
