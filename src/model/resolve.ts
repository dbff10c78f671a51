import type { Column, EndSide, Relationship, RelationshipEnd, Schema, Table } from './schema.ts';
import { findColumn, findTable, primaryKeyOf } from './lookup.ts';
import { memoize } from './memoize.ts';

/** The shape a relationship takes in SQL. */
export type RelationshipKind = 'oneToMany' | 'oneToOne' | 'manyToMany';

/** A one-to-many or one-to-one relationship with every table and column it touches looked up. */
export interface ResolvedForeignKey {
  kind: 'oneToMany' | 'oneToOne';
  relationship: Relationship;
  child: Table;
  parent: Table;
  childEnd: RelationshipEnd;
  parentEnd: RelationshipEnd;
  /** Foreign-key columns in the child, matching `parentColumns` one to one. */
  columns: Column[];
  /** The parent's referenced columns: its primary key, or the alternate key `referencedColumnIds` names. */
  parentColumns: Column[];
  /** True when the foreign key doubles as the child's primary key (1:1 shared primary key). */
  isSharedPrimaryKey: boolean;
  /** A child may point at a parent only once (the child end's max is 1). */
  isUnique: boolean;
  /** Every child must have a parent (the parent end's min is 1). */
  isNotNull: boolean;
}

/** A many-to-many relationship, implemented by a junction table. */
export interface ResolvedJunction {
  kind: 'manyToMany';
  relationship: Relationship;
  from: Table;
  to: Table;
  fromKey: Column[];
  toKey: Column[];
}

/** Why a relationship cannot be turned into SQL as it stands. */
export interface ResolveFailure {
  kind: 'invalid';
  relationship: Relationship;
  reason: string;
}

/** Everything the DDL, the proofs and the canvas need to know about one relationship. */
export type ResolvedRelationship = ResolvedForeignKey | ResolvedJunction | ResolveFailure;

/** One-to-one, one-to-many or many-to-many, read from the two ends' maxima. */
export function relationshipKind(rel: Relationship): RelationshipKind {
  if (rel.from.max === 'many' && rel.to.max === 'many') return 'manyToMany';
  if (rel.from.max === 1 && rel.to.max === 1) return 'oneToOne';
  return 'oneToMany';
}

/** The other end. */
export function otherSide(side: EndSide): EndSide {
  return side === 'from' ? 'to' : 'from';
}

/** The end whose table holds the foreign key: the "many" end of a 1:N, the chosen end of a 1:1. */
export function childSide(rel: Relationship): EndSide {
  if (relationshipKind(rel) === 'oneToMany') return rel.from.max === 'many' ? 'from' : 'to';
  return rel.keyHolder;
}

/** Looks up every table and column a relationship touches and derives its constraints. */
export function resolveRelationship(schema: Schema, rel: Relationship, tablesById?: ReadonlyMap<string, Table>): ResolvedRelationship {
  const fromTable = tablesById ? tablesById.get(rel.from.tableId) : findTable(schema, rel.from.tableId);
  const toTable = tablesById ? tablesById.get(rel.to.tableId) : findTable(schema, rel.to.tableId);
  if (!fromTable || !toTable) return { kind: 'invalid', relationship: rel, reason: 'one of its tables no longer exists' };
  const kind = relationshipKind(rel);
  if (kind === 'manyToMany') {
    const fromKey = primaryKeyOf(fromTable);
    const toKey = primaryKeyOf(toTable);
    const keyless = fromKey.length === 0 ? fromTable : toKey.length === 0 ? toTable : undefined;
    if (keyless) return noPrimaryKey(rel, keyless);
    return { kind, relationship: rel, from: fromTable, to: toTable, fromKey, toKey };
  }
  const side = childSide(rel);
  const child = side === 'from' ? fromTable : toTable;
  const parent = side === 'from' ? toTable : fromTable;
  const referenced = rel.referencedColumnIds?.map((id) => findColumn(parent, id));
  if (referenced && (referenced.length === 0 || referenced.some((c) => c === undefined))) {
    return {
      kind: 'invalid',
      relationship: rel,
      reason: `it refers to a column "${parent.name}" no longer has; pick the referenced key again`,
    };
  }
  const parentColumns = (referenced as Column[] | undefined) ?? primaryKeyOf(parent);
  if (parentColumns.length === 0) return noPrimaryKey(rel, parent);
  const columns = rel.foreignKeyColumnIds.map((id) => findColumn(child, id));
  if (columns.length !== parentColumns.length || columns.some((c) => c === undefined)) {
    const key = referenced ? `referenced column` : `primary-key column`;
    return {
      kind: 'invalid',
      relationship: rel,
      reason: `its foreign key in "${child.name}" must have one column per ${key} of "${parent.name}" (${parentColumns.length})`,
    };
  }
  const childEnd = rel[side];
  const parentEnd = rel[otherSide(side)];
  const isSharedPrimaryKey = kind === 'oneToOne' && rel.oneToOne === 'sharedPrimaryKey';
  return {
    kind,
    relationship: rel,
    child,
    parent,
    childEnd,
    parentEnd,
    columns: columns as Column[],
    parentColumns,
    isSharedPrimaryKey,
    isUnique: childEnd.max === 1,
    isNotNull: isSharedPrimaryKey || parentEnd.min === 1,
  };
}

/**
 * Whether a relationship is identifying (drawn solid): the child's primary key holds its whole foreign
 * key. A shared primary key is; so is a many-to-many, whose junction's two keys make its primary key.
 * The one rule the inspector, the key edits, the canvas and Mermaid read.
 */
export function isIdentifyingResolved(resolved: ResolvedRelationship): boolean {
  if (resolved.kind === 'invalid') return false;
  if (resolved.kind === 'manyToMany') return true;
  return resolved.columns.length > 0 && resolved.columns.every((c) => c.isPrimaryKey);
}

function noPrimaryKey(rel: Relationship, table: Table): ResolveFailure {
  return { kind: 'invalid', relationship: rel, reason: `"${table.name}" has no primary key to refer to; mark one of its columns as PK` };
}

/** Resolves every relationship of a schema, in schema order; remembered per schema object (schemas are never mutated). */
export const resolveAll: (schema: Schema) => ResolvedRelationship[] = memoize((schema: Schema) => {
  const tablesById = new Map(schema.tables.map((t) => [t.id as string, t]));
  return schema.relationships.map((rel) => resolveRelationship(schema, rel, tablesById));
});

const mandatoryKeysOf = memoize(
  (resolved: readonly ResolvedRelationship[]) =>
    new Set<string>(
      resolved.flatMap((r) => (r.kind !== 'invalid' && r.kind !== 'manyToMany' && r.isNotNull ? r.columns.map((c) => c.id) : [])),
    ),
);

/** True when a column must be NOT NULL: set by the user, a primary key, or a foreign key whose parent is mandatory. */
export function isEffectivelyNotNull(column: Column, resolved: readonly ResolvedRelationship[]): boolean {
  if (column.isNotNull || column.isPrimaryKey) return true;
  return mandatoryKeysOf(resolved).has(column.id);
}

const foreignKeysByChildOf = memoize((resolved: readonly ResolvedRelationship[]) => {
  const byChild = new Map<string, ResolvedForeignKey[]>();
  for (const r of resolved) {
    if (r.kind === 'invalid' || r.kind === 'manyToMany') continue;
    byChild.set(r.child.id, [...(byChild.get(r.child.id) ?? []), r]);
  }
  return byChild;
});

/** The resolved foreign keys a table holds, to badge its FK columns and say where they point. */
export function foreignKeysOf(tableId: Table['id'], resolved: readonly ResolvedRelationship[]): ResolvedForeignKey[] {
  return foreignKeysByChildOf(resolved).get(tableId) ?? [];
}
