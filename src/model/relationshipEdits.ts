import { newId, type ColumnId, type RelationshipId, type TableId } from './ids.ts';
import type { Cardinality, Column, EndSide, OneToOneStrategy, Relationship, Schema } from './schema.ts';
import { childSide, isIdentifyingResolved, otherSide, relationshipKind, resolveRelationship } from './resolve.ts';
import { findTable, primaryKeyOf } from './lookup.ts';
import { foreignKeyColumnName, foreignKeyType, uniqueName } from './naming.ts';
import { makeColumn, updateTable, withoutColumns } from './tableEdits.ts';
import { isSharedPrimaryKey, normalizeRelationship } from './normalize.ts';
import { keyDependsOn } from './keyDependency.ts';
import { referencedKeyOf } from './referencedKey.ts';

/** The ends a new relationship gets: each `from` row has zero or many `to` rows; each `to` row exactly one `from`. */
export const defaultEnds: { from: Cardinality; to: Cardinality } = {
  from: { min: 1, max: 1 },
  to: { min: 0, max: 'many' },
};

/** A new relationship as drawn, with a fresh id: no name, no key columns yet, NO ACTION both ways; `connect` fits it into a schema. */
export function makeRelationship(
  fromTableId: TableId,
  toTableId: TableId,
  ends: { from: Cardinality; to: Cardinality } = defaultEnds,
): Relationship {
  return {
    id: newId('rel'),
    name: '',
    from: { tableId: fromTableId, ...ends.from },
    to: { tableId: toTableId, ...ends.to },
    keyHolder: 'to',
    oneToOne: 'foreignKeyUnique',
    foreignKeyColumnIds: [],
    onDelete: 'no action',
    onUpdate: 'no action',
    isDeferrable: false,
    junction: { name: '', columns: [] },
  };
}

/** Connects two tables (the same one for a self-reference) and adds the foreign-key columns the child needs. */
export function connect(
  schema: Schema,
  fromTableId: TableId,
  toTableId: TableId,
  ends: { from: Cardinality; to: Cardinality } = defaultEnds,
): { schema: Schema; relationshipId: RelationshipId } {
  const drawn = makeRelationship(fromTableId, toTableId, ends);
  const rel = normalizeRelationship(relationshipKind(drawn) === 'oneToOne' ? { ...drawn, keyHolder: defaultKeyHolder(drawn) } : drawn);
  const added = { ...schema, relationships: [...schema.relationships, rel] };
  return { schema: reconcileRelationship(added, rel.id), relationshipId: rel.id };
}

/** Changes one end's cardinality; the foreign key moves or changes to match. A new 1:1 puts the key on its optional side. */
export function setEnd(schema: Schema, relId: RelationshipId, side: EndSide, cardinality: Cardinality): Schema {
  return editRelationship(schema, relId, (r) => {
    const next = { ...r, [side]: { ...r[side], ...cardinality } };
    const becameOneToOne = relationshipKind(next) === 'oneToOne' && relationshipKind(r) !== 'oneToOne';
    return becameOneToOne ? { ...next, keyHolder: defaultKeyHolder(next) } : next;
  });
}

/**
 * Where a 1:1's key goes unless the user says otherwise: the dependent side, the end that is optional
 * ("zero or one") while the other is mandatory. There a NOT NULL UNIQUE key enforces both ends with no triggers.
 */
export function defaultKeyHolder(rel: Relationship): EndSide {
  if (rel.from.min === 0 && rel.to.min === 1) return 'from';
  if (rel.to.min === 0 && rel.from.min === 1) return 'to';
  return rel.keyHolder;
}

/** Chooses how a one-to-one is enforced: UNIQUE foreign key or shared primary key (leaving it gives the key its own column again). Only a 1:1 has a strategy. */
export function setOneToOneStrategy(schema: Schema, relId: RelationshipId, strategy: OneToOneStrategy): Schema {
  const rel = schema.relationships.find((r) => r.id === relId);
  if (!rel || relationshipKind(rel) !== 'oneToOne' || rel.oneToOne === strategy) return schema;
  return editRelationship(schema, relId, (r) => ({ ...r, oneToOne: strategy }));
}

/**
 * Whether the identifying choice applies: a 1:N or 1:1 with key columns of its own (a shared primary
 * key already is the child's key) whose parent's key does not already depend on the child (a
 * self-reference, or a cycle of identifying keys: the key would contain itself).
 */
export function canBeIdentifying(schema: Schema, rel: Relationship): boolean {
  if (relationshipKind(rel) === 'manyToMany' || isSharedPrimaryKey(rel)) return false;
  return isIdentifying(schema, rel) || !keyDependsOn(schema, rel[otherSide(childSide(rel))].tableId, rel[childSide(rel)].tableId);
}

/** Whether a relationship of a schema is identifying: its key columns are all in the child's primary key (isIdentifyingResolved). */
export function isIdentifying(schema: Schema, rel: Relationship): boolean {
  return isIdentifyingResolved(resolveRelationship(schema, rel));
}

/** Makes a relationship identifying (its key columns join the child's primary key) or not. */
export function setIdentifying(schema: Schema, relId: RelationshipId, isIdentifying: boolean): Schema {
  const rel = schema.relationships.find((r) => r.id === relId);
  if (!rel || !canBeIdentifying(schema, rel)) return schema;
  const keyColumns = new Set(rel.foreignKeyColumnIds);
  const childId = rel[childSide(rel)].tableId;
  const edited = updateTable(schema, childId, (t) => ({
    ...t,
    columns: t.columns.map((c) => (keyColumns.has(c.id) ? { ...c, isPrimaryKey: isIdentifying, isNotNull: false } : c)),
  }));
  // The child's primary key changed: keys that refer to the child follow.
  return reconcileTable(edited, childId);
}

/** Chooses which table of a one-to-one holds the foreign key (a 1:N's key always sits on its many end). */
export function setKeyHolder(schema: Schema, relId: RelationshipId, side: EndSide): Schema {
  const rel = schema.relationships.find((r) => r.id === relId);
  if (!rel || relationshipKind(rel) !== 'oneToOne' || rel.keyHolder === side) return schema;
  return editRelationship(schema, relId, (r) => ({ ...r, keyHolder: side }));
}

/** Sets the optional verb shown on the canvas and the ON DELETE / ON UPDATE actions. */
export function updateRelationship(
  schema: Schema,
  relId: RelationshipId,
  patch: Partial<Pick<Relationship, 'name' | 'onDelete' | 'onUpdate' | 'isDeferrable' | 'junction'>>,
): Schema {
  return editRelationship(schema, relId, (r) => ({ ...r, ...patch }));
}

/** Removes a relationship and the foreign-key columns it added (never primary-key columns). */
export function deleteRelationship(schema: Schema, relId: RelationshipId): Schema {
  const rel = schema.relationships.find((r) => r.id === relId);
  if (!rel) return schema;
  const rest = { ...schema, relationships: schema.relationships.filter((r) => r.id !== relId) };
  const dropped = dropUnusedKeyColumns(rest, rel.foreignKeyColumnIds, { keepPrimaryKey: isSharedPrimaryKey(rel) });
  // An identifying key's columns left the child's primary key: keys that refer to the child follow.
  const childId = rel[childSide(rel)].tableId;
  return keySignature(dropped, childId) === keySignature(schema, childId) ? dropped : reconcileTable(dropped, childId);
}

/**
 * Points a relationship's foreign key at columns the user chose in the child (`writer_id` instead of
 * the generated `author_id`), one per parent key column; the chosen ones take the parent key's type.
 * A replaced column is dropped only when it is still the generated one (its conventional name, no
 * comment, no default, nothing else using it); a column the user made or changed stays. Not for a
 * shared primary key.
 */
export function setForeignKeyColumns(schema: Schema, relId: RelationshipId, columnIds: ColumnId[]): Schema {
  const rel = schema.relationships.find((r) => r.id === relId);
  if (!rel || relationshipKind(rel) === 'manyToMany' || isSharedPrimaryKey(rel)) return schema;
  if (new Set(columnIds).size !== columnIds.length || columnIds.every((id, i) => rel.foreignKeyColumnIds[i] === id)) return schema;
  const child = findTable(schema, rel[childSide(rel)].tableId);
  const parent = findTable(schema, rel[otherSide(childSide(rel))].tableId);
  if (!child || !parent) return schema;
  const parentKey = referencedKeyOf(rel, parent);
  const candidates = new Set(foreignKeyCandidates(schema, rel).map((c) => c.id));
  if (columnIds.length !== parentKey.length || columnIds.some((id) => !candidates.has(id))) return schema;
  // An identifying key's generated columns are in the child's key only because of this relationship.
  const wasIdentifying = isIdentifying(schema, rel);
  const generated = rel.foreignKeyColumnIds.filter((id, i) => {
    const column = child.columns.find((c) => c.id === id);
    const conventional = parentKey[i] ? foreignKeyColumnName(parent.name, parentKey[i].name) : undefined;
    const isConventional =
      conventional !== undefined &&
      column !== undefined &&
      (column.name === conventional || (/^_\d+$/.test(column.name.slice(conventional.length)) && column.name.startsWith(conventional)));
    return (
      !columnIds.includes(id) &&
      isConventional &&
      (wasIdentifying || !column!.isPrimaryKey) &&
      !column!.comment &&
      column!.defaultValue === null
    );
  });
  const pointed = replaceRelationship(schema, { ...rel, foreignKeyColumnIds: columnIds });
  return reconcileTable(dropUnusedKeyColumns(pointed, generated, { keepPrimaryKey: false }), child.id);
}

/**
 * The child columns a relationship's foreign key may be pointed at: its own, or one no other foreign
 * key uses that is in the child's primary key exactly when the relationship is identifying (else a
 * 1:N would silently become a 1:1), and on a self-reference never a column of the key it refers to.
 */
export function foreignKeyCandidates(schema: Schema, rel: Relationship): Column[] {
  if (relationshipKind(rel) === 'manyToMany' || isSharedPrimaryKey(rel)) return [];
  const child = findTable(schema, rel[childSide(rel)].tableId);
  const parent = findTable(schema, rel[otherSide(childSide(rel))].tableId);
  if (!child || !parent) return [];
  const usedElsewhere = new Set(schema.relationships.filter((r) => r.id !== rel.id).flatMap((r) => r.foreignKeyColumnIds));
  const referenced = new Set(parent.id === child.id ? referencedKeyOf(rel, parent).map((c) => c.id) : []);
  const identifying = isIdentifying(schema, rel);
  return child.columns.filter(
    (c) => rel.foreignKeyColumnIds.includes(c.id) || (!usedElsewhere.has(c.id) && c.isPrimaryKey === identifying && !referenced.has(c.id)),
  );
}

/** Re-derives the foreign key of every relationship that touches a table, after its key columns changed. */
export function reconcileTable(schema: Schema, tableId: TableId): Schema {
  return schema.relationships
    .filter((r) => r.from.tableId === tableId || r.to.tableId === tableId)
    .reduce((s, r) => reconcileRelationship(s, r.id), schema);
}

/**
 * Applies a change to one relationship and re-derives its key. A shared primary key that stops being
 * one (another strategy, another kind, the other table holding the key) lets go of the child's
 * primary-key columns first: they are that table's own identity, never a key to keep or drop. A key
 * that becomes a shared primary key drops its own columns first (an identifying one's too), so the
 * child's key it takes over is the child's own.
 */
function editRelationship(schema: Schema, relId: RelationshipId, change: (r: Relationship) => Relationship): Schema {
  const before = schema.relationships.find((r) => r.id === relId);
  if (!before) return schema;
  const after = change(before);
  const keepsSharedKey = isSharedPrimaryKey(after) && after.keyHolder === before.keyHolder;
  let prepared: Schema;
  if (isSharedPrimaryKey(before) && !keepsSharedKey) prepared = replaceRelationship(schema, { ...after, foreignKeyColumnIds: [] });
  else if (!isSharedPrimaryKey(before) && isSharedPrimaryKey(after)) {
    prepared = dropUnusedKeyColumns(replaceRelationship(schema, { ...after, foreignKeyColumnIds: [] }), before.foreignKeyColumnIds, {
      keepPrimaryKey: false,
    });
  } else prepared = replaceRelationship(schema, after);
  const visited = new Set<RelationshipId>();
  const reconciled = reconcileRelationship(prepared, relId, visited);
  return followKeyChanges(schema, reconciled, [before.from.tableId, before.to.tableId], visited);
}

/** Re-derives the keys that point at any of `tableIds` whose primary key differs between `before` and `after` (columns or types). */
function followKeyChanges(before: Schema, after: Schema, tableIds: readonly TableId[], visited: Set<RelationshipId>): Schema {
  const changed = new Set(tableIds.filter((id) => keySignature(before, id) !== keySignature(after, id)));
  return after.relationships
    .filter((r) => changed.has(r.from.tableId) || changed.has(r.to.tableId))
    .reduce((s, r) => reconcileRelationship(s, r.id, visited), after);
}

/**
 * Makes a relationship's foreign-key columns match its ends and strategy: the key sits in the child,
 * has one column per parent key column with the parent's type, and a shared primary key makes the
 * parent end mandatory. Columns it no longer needs are dropped; columns the user chose are kept.
 */
export function reconcileRelationship(schema: Schema, relId: RelationshipId, visited: Set<RelationshipId> = new Set()): Schema {
  const drawn = schema.relationships.find((r) => r.id === relId);
  if (!drawn || visited.has(relId)) return schema;
  visited.add(relId);
  if (relationshipKind(drawn) === 'manyToMany') {
    // A junction table holds the keys: the columns this relationship added go (a shared key was released before).
    return dropUnusedKeyColumns(replaceRelationship(schema, normalizeRelationship(drawn)), drawn.foreignKeyColumnIds, {
      keepPrimaryKey: false,
    });
  }
  const rel = normalizeRelationship(drawn);
  const side = childSide(rel);
  const parentSide = otherSide(side);
  const child = findTable(schema, rel[side].tableId);
  const parent = findTable(schema, rel[parentSide].tableId);
  if (!child || !parent) return schema;
  const isShared = isSharedPrimaryKey(rel);
  let parentKey = isShared ? primaryKeyOf(parent) : referencedKeyOf(rel, parent);
  const childKey = primaryKeyOf(child);

  let columnIds: ColumnId[];
  let next = schema;
  if (isShared) {
    columnIds = childKey.map((c) => c.id);
    next = dropUnusedKeyColumns(
      next,
      rel.foreignKeyColumnIds.filter((id) => !columnIds.includes(id)),
      { exceptRelId: relId, keepPrimaryKey: false },
    );
  } else {
    const current = rel.foreignKeyColumnIds;
    const canKeep = current.length === parentKey.length && current.every((id) => child.columns.some((c) => c.id === id));
    if (canKeep) {
      columnIds = current;
    } else {
      // Judged on the key columns still there (one may just have been deleted).
      const remaining = schema.tables.flatMap((t) => t.columns).filter((c) => current.includes(c.id));
      const wasIdentifying = remaining.length > 0 && remaining.every((c) => c.isPrimaryKey);
      next = dropUnusedKeyColumns(next, current, { exceptRelId: relId, keepPrimaryKey: !wasIdentifying });
      // Dropping an identifying key may have narrowed the parent's own key (the key holder moved to the other table).
      parentKey = referencedKeyOf(rel, findTable(next, parent.id) ?? parent);
      // A key that moved into a table the parent's key depends on cannot join that table's key: it would contain itself.
      const isIdentifying = wasIdentifying && !keyDependsOn(next, parent.id, child.id);
      const freshChild = findTable(next, child.id) ?? child;
      const taken = freshChild.columns.map((c) => c.name);
      const created = parentKey.map((pk) => {
        const name = uniqueName(foreignKeyColumnName(parent.name, pk.name), taken);
        const column = makeColumn({ name, type: foreignKeyType(pk.type), isPrimaryKey: isIdentifying, isNotNull: isIdentifying });
        taken.push(column.name);
        return column;
      });
      next = updateTable(next, child.id, (t) => ({ ...t, columns: [...t.columns, ...created] }));
      columnIds = created.map((c) => c.id);
    }
  }
  next = syncKeyTypes(
    next,
    child.id,
    columnIds,
    parentKey.map((c) => c.type),
  );
  const parentEnd = isShared ? { ...rel[parentSide], min: 1 as const } : rel[parentSide];
  next = replaceRelationship(next, { ...rel, keyHolder: side, [parentSide]: parentEnd, foreignKeyColumnIds: columnIds });
  // A table whose key changed (columns or types: a shared or identifying key moved or retyped): keys that point at it follow.
  return followKeyChanges(schema, next, [child.id, parent.id], visited);
}

/** A table's primary key as its column ids and types, to tell whether an edit changed it. */
function keySignature(schema: Schema, tableId: TableId): string {
  const table = findTable(schema, tableId);
  return table
    ? primaryKeyOf(table)
        .map((c) => `${c.id}:${c.type}`)
        .join()
    : '';
}

function replaceRelationship(schema: Schema, rel: Relationship): Schema {
  return { ...schema, relationships: schema.relationships.map((r) => (r.id === rel.id ? rel : r)) };
}

/** Foreign-key columns (a shared primary key too) take the parent key's type and lose any identity, so PostgreSQL accepts the constraint. */
function syncKeyTypes(schema: Schema, tableId: TableId, columnIds: ColumnId[], parentTypes: string[]): Schema {
  return updateTable(schema, tableId, (t) => ({
    ...t,
    columns: t.columns.map((c) => {
      const i = columnIds.indexOf(c.id);
      const parentType = parentTypes[i];
      return i >= 0 && parentType !== undefined ? { ...c, type: foreignKeyType(parentType), identity: null } : c;
    }),
  }));
}

/**
 * Drops key columns no other relationship uses. A shared primary key is the child's own identity,
 * so `keepPrimaryKey` keeps primary-key columns; an identifying key's columns go with it.
 */
function dropUnusedKeyColumns(
  schema: Schema,
  columnIds: readonly ColumnId[],
  { exceptRelId, keepPrimaryKey = true }: { exceptRelId?: RelationshipId; keepPrimaryKey?: boolean } = {},
): Schema {
  const stillUsed = new Set(schema.relationships.filter((r) => r.id !== exceptRelId).flatMap((r) => r.foreignKeyColumnIds));
  const droppable = new Set(columnIds.filter((id) => !stillUsed.has(id)));
  if (droppable.size === 0) return schema;
  const drops = (c: Column) => droppable.has(c.id) && !(keepPrimaryKey && c.isPrimaryKey);
  return {
    ...schema,
    tables: schema.tables.map((t) => (t.columns.some(drops) ? withoutColumns(t, new Set(t.columns.filter(drops).map((c) => c.id))) : t)),
  };
}
