import { childSide, memoize, type RelationshipId, type ResolvedRelationship } from '../model/index.ts';
import { rowCenterY, tableMetrics } from './tableMetrics.ts';

/** The y (from the table's top) where an edge meets each end's table: the first key column it uses there, or the header. */
export interface EndRows {
  from: number;
  to: number;
}

/** Where an edge meets a table when it has no key row to meet: the header. */
export const headerRowY = tableMetrics.headerHeight / 2;

function keyRowY(resolved: ResolvedRelationship, end: 'from' | 'to'): number {
  if (resolved.kind === 'invalid') return headerRowY;
  let table;
  let column;
  if (resolved.kind === 'manyToMany') {
    table = end === 'from' ? resolved.from : resolved.to;
    column = (end === 'from' ? resolved.fromKey : resolved.toKey)[0];
  } else {
    const isChild = childSide(resolved.relationship) === end;
    table = isChild ? resolved.child : resolved.parent;
    column = (isChild ? resolved.columns : resolved.parentColumns)[0];
  }
  const index = table.columns.findIndex((c) => c.id === column?.id);
  return index >= 0 ? rowCenterY(index) : headerRowY;
}

/** Each relationship's key rows, worked out once per resolution (not per edge, not per drag frame). */
export const endRowsOf = memoize(
  (all: ResolvedRelationship[]) =>
    new Map<RelationshipId, EndRows>(all.map((r) => [r.relationship.id, { from: keyRowY(r, 'from'), to: keyRowY(r, 'to') }])),
);
