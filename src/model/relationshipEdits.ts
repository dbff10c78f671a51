import { newId, type ColumnId, type RelationshipId, type TableId } from './ids.ts';
import type { Cardinality, EndSide, OneToOneStrategy, ReferentialAction, Relationship, Schema } from './schema.ts';
import { childSide, otherSide, relationshipKind } from './resolve.ts';
import { findTable, primaryKeyOf } from './lookup.ts';
import { foreignKeyType, singular, uniqueName } from './naming.ts';
import { makeColumn, updateTable } from './tableEdits.ts';

/** The ends a new relationship gets: each `from` row has zero or many `to` rows; each `to` row exactly one `from`. */
export const defaultEnds: { from: Cardinality; to: Cardinality } = {
  from: { min: 1, max: 1 },
  to: { min: 0, max: 'many' },
};

/** Connects two tables (the same one for a self-reference) and adds the foreign-key columns the child needs. */
export function connect(
  schema: Schema,
  fromTableId: TableId,
  toTableId: TableId,
  ends: { from: Cardinality; to: Cardinality } = defaultEnds,
): { schema: Schema; relationshipId: RelationshipId } {
  const rel: Relationship = {
    id: newId<RelationshipId>('rel'),
    name: '',
    from: { tableId: fromTableId, ...ends.from },
    to: { tableId: toTableId, ...ends.to },
    keyHolder: 'to',
    oneToOne: 'foreignKeyUnique',
    foreignKeyColumnIds: [],
    onDelete: 'no action',
    onUpdate: 'no action',
  };
  const added = { ...schema, relationships: [...schema.relationships, rel] };
  return { schema: reconcileRelationship(added, rel.id), relationshipId: rel.id };
}

/** Changes one end's cardinality; the foreign key moves or changes to match. */
export function setEnd(schema: Schema, relId: RelationshipId, side: EndSide, cardinality: Cardinality): Schema {
  return editRelationship(schema, relId, (r) => ({ ...r, [side]: { ...r[side], ...cardinality } }));
}

/** Chooses how a one-to-one is enforced: UNIQUE foreign key or shared primary key. */
export function setOneToOneStrategy(schema: Schema, relId: RelationshipId, strategy: OneToOneStrategy): Schema {
  return editRelationship(schema, relId, (r) => ({ ...r, oneToOne: strategy }));
}

/** Chooses which table of a one-to-one holds the foreign key. */
export function setKeyHolder(schema: Schema, relId: RelationshipId, side: EndSide): Schema {
  return editRelationship(schema, relId, (r) => ({ ...r, keyHolder: side }));
}

/** Sets the optional verb shown on the canvas and the ON DELETE / ON UPDATE actions. */
export function updateRelationship(
  schema: Schema,
  relId: RelationshipId,
  patch: Partial<{ name: string; onDelete: ReferentialAction; onUpdate: ReferentialAction }>,
): Schema {
  return editRelationship(schema, relId, (r) => ({ ...r, ...patch }));
}

/** Removes a relationship and the foreign-key columns it added (never primary-key columns). */
export function deleteRelationship(schema: Schema, relId: RelationshipId): Schema {
  const rel = schema.relationships.find((r) => r.id === relId);
  if (!rel) return schema;
  const rest = { ...schema, relationships: schema.relationships.filter((r) => r.id !== relId) };
  return dropUnusedKeyColumns(rest, rel.foreignKeyColumnIds);
}

/** Re-derives the foreign key of every relationship that touches a table, after its key columns changed. */
export function reconcileTable(schema: Schema, tableId: TableId): Schema {
  return schema.relationships
    .filter((r) => r.from.tableId === tableId || r.to.tableId === tableId)
    .reduce((s, r) => reconcileRelationship(s, r.id), schema);
}

function editRelationship(schema: Schema, relId: RelationshipId, change: (r: Relationship) => Relationship): Schema {
  const edited = { ...schema, relationships: schema.relationships.map((r) => (r.id === relId ? change(r) : r)) };
  return reconcileRelationship(edited, relId);
}

/**
 * Makes a relationship's foreign-key columns match its ends and strategy: the key sits in the child,
 * has one column per parent key column with the parent's type, and a shared primary key makes the
 * parent end mandatory. Columns it no longer needs are dropped; columns the user chose are kept.
 */
export function reconcileRelationship(schema: Schema, relId: RelationshipId): Schema {
  const rel = schema.relationships.find((r) => r.id === relId);
  if (!rel) return schema;
  if (relationshipKind(rel) === 'manyToMany') {
    return dropUnusedKeyColumns(replaceRelationship(schema, { ...rel, foreignKeyColumnIds: [] }), rel.foreignKeyColumnIds);
  }
  const side = childSide(rel);
  const parentSide = otherSide(side);
  const child = findTable(schema, rel[side].tableId);
  const parent = findTable(schema, rel[parentSide].tableId);
  if (!child || !parent) return schema;
  const parentKey = primaryKeyOf(parent);
  const childKey = primaryKeyOf(child);
  const isShared = relationshipKind(rel) === 'oneToOne' && rel.oneToOne === 'sharedPrimaryKey';

  let columnIds: ColumnId[];
  let next = schema;
  if (isShared) {
    columnIds = childKey.map((c) => c.id);
    next = dropUnusedKeyColumns(next, rel.foreignKeyColumnIds.filter((id) => !columnIds.includes(id)), relId);
  } else {
    const current = rel.foreignKeyColumnIds;
    const isFullChildKey = childKey.length > 0 && current.length === childKey.length && childKey.every((c) => current.includes(c.id));
    const canKeep =
      current.length === parentKey.length && current.every((id) => child.columns.some((c) => c.id === id)) && !isFullChildKey;
    if (canKeep) {
      columnIds = current;
    } else {
      next = dropUnusedKeyColumns(next, current.filter((id) => !child.columns.some((c) => c.id === id && c.isPrimaryKey)), relId);
      const freshChild = findTable(next, child.id) ?? child;
      const taken = freshChild.columns.map((c) => c.name);
      const created = parentKey.map((pk) => {
        const column = makeColumn({ name: uniqueName(`${singular(parent.name)}_${pk.name}`, taken), type: foreignKeyType(pk.type) });
        taken.push(column.name);
        return column;
      });
      next = updateTable(next, child.id, (t) => ({ ...t, columns: [...t.columns, ...created] }));
      columnIds = created.map((c) => c.id);
    }
  }
  next = syncKeyTypes(next, child.id, columnIds, parentKey.map((c) => c.type));
  const parentEnd = isShared ? { ...rel[parentSide], min: 1 as const } : rel[parentSide];
  return replaceRelationship(next, { ...rel, keyHolder: side, [parentSide]: parentEnd, foreignKeyColumnIds: columnIds });
}

function replaceRelationship(schema: Schema, rel: Relationship): Schema {
  return { ...schema, relationships: schema.relationships.map((r) => (r.id === rel.id ? rel : r)) };
}

/** Foreign-key columns take the parent key's type, so PostgreSQL accepts the constraint. */
function syncKeyTypes(schema: Schema, tableId: TableId, columnIds: ColumnId[], parentTypes: string[]): Schema {
  return updateTable(schema, tableId, (t) => ({
    ...t,
    columns: t.columns.map((c) => {
      const i = columnIds.indexOf(c.id);
      const parentType = parentTypes[i];
      return i >= 0 && parentType !== undefined && !c.isPrimaryKey ? { ...c, type: foreignKeyType(parentType) } : c;
    }),
  }));
}

/** Drops key columns no other relationship uses; primary-key columns always stay. */
function dropUnusedKeyColumns(schema: Schema, columnIds: readonly ColumnId[], exceptRelId?: RelationshipId): Schema {
  const stillUsed = new Set(schema.relationships.filter((r) => r.id !== exceptRelId).flatMap((r) => r.foreignKeyColumnIds));
  const droppable = new Set(columnIds.filter((id) => !stillUsed.has(id)));
  if (droppable.size === 0) return schema;
  return {
    ...schema,
    tables: schema.tables.map((t) =>
      t.columns.some((c) => droppable.has(c.id) && !c.isPrimaryKey)
        ? { ...t, columns: t.columns.filter((c) => c.isPrimaryKey || !droppable.has(c.id)) }
        : t,
    ),
  };
}
