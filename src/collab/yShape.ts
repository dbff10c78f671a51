import * as Y from 'yjs';

/**
 * The layout of a document inside a Y.Doc, version 1. Every collection sits at the top level (two
 * people filling an empty Y.Doc at once merge instead of one nested map replacing the other) as a
 * Y.Map by stable id beside a Y.Array of ids: Yjs orders concurrent inserts into an array the same
 * way on every replica and keeps both, which fractional keys would need tie-breaking and ever longer
 * keys for. A stale or repeated id in an order array (two people moving one table) is read once, at
 * its first place; an id in the map but in no order comes last, sorted by id (see readOrder).
 */
export const yFormatVersion = 1;

/** The top-level names of a document's Y.Doc: what the server accepts and nothing else. */
export const rootNames = {
  meta: 'meta',
  tables: 'tables',
  tableOrder: 'tableOrder',
  relationships: 'relationships',
  relationshipOrder: 'relationshipOrder',
  enums: 'enums',
  enumOrder: 'enumOrder',
  sqlObjects: 'sqlObjects',
  sqlObjectOrder: 'sqlObjectOrder',
  notes: 'notes',
  noteOrder: 'noteOrder',
  versions: 'versions',
  versionOrder: 'versionOrder',
  layout: 'layout',
} as const;

/** One top-level name. */
export type RootName = keyof typeof rootNames;

/** Keys of `meta`: the format version, and which optional parts of the document are present (so a read gives back exactly what was written). */
export const metaKeys = ['format', 'hasNotes', 'hasVersions', 'hasSqlObjects'] as const;

/**
 * The fields of each kind of entity, each a key of its Y.Map so that concurrent edits of two fields
 * both survive. The id is the entity's key in its collection, never a field. A relationship's
 * ends, key holder, strategy and key columns decide one another, so they are one value (`shape`):
 * two people reshaping one relationship at once get one person's whole shape, never half of each.
 */
export const entityFields = {
  table: ['name', 'schemaName', 'comment', 'primaryKeyName', 'primaryKeyColumnIds'],
  column: [
    'name',
    'type',
    'isPrimaryKey',
    'isNotNull',
    'isUnique',
    'defaultValue',
    'identity',
    'comment',
    'uniqueConstraintName',
    'generated',
    'identityOptions',
    'collation',
    'collationSchema',
  ],
  check: ['name', 'expression'],
  index: ['name', 'columnIds', 'isUnique', 'isConstraint'],
  relationship: [
    'name',
    'shape',
    'constraintName',
    'uniqueConstraintName',
    'onDelete',
    'onUpdate',
    'isDeferrable',
    'isNotValid',
    'junction',
  ],
  enum: ['name', 'schemaName', 'values'],
  sqlObject: ['kind', 'name', 'sql', 'standIn'],
  note: ['text', 'position'],
} as const;

/** The relationship fields kept together in its `shape` value. */
export const relationshipShapeKeys = ['from', 'to', 'keyHolder', 'oneToOne', 'foreignKeyColumnIds', 'referencedColumnIds'] as const;

/** The collections nested in a table's Y.Map: its columns, checks and indexes, each a map by id and an order. */
export const tableCollections = [
  { key: 'columns', order: 'columnOrder', kind: 'column' },
  { key: 'checks', order: 'checkOrder', kind: 'check' },
  { key: 'indexes', order: 'indexOrder', kind: 'index' },
] as const;

/** A top-level collection: its map by id and its order. */
export interface Collection {
  byId: Y.Map<unknown>;
  order: Y.Array<string>;
}

/** The top-level types of a Y.Doc, typed. */
export function roots(ydoc: Y.Doc) {
  const map = (name: string) => ydoc.getMap<unknown>(name);
  const order = (name: string) => ydoc.getArray<string>(name);
  return {
    meta: map(rootNames.meta),
    tables: { byId: map(rootNames.tables), order: order(rootNames.tableOrder) },
    relationships: { byId: map(rootNames.relationships), order: order(rootNames.relationshipOrder) },
    enums: { byId: map(rootNames.enums), order: order(rootNames.enumOrder) },
    sqlObjects: { byId: map(rootNames.sqlObjects), order: order(rootNames.sqlObjectOrder) },
    notes: { byId: map(rootNames.notes), order: order(rootNames.noteOrder) },
    versions: { byId: map(rootNames.versions), order: order(rootNames.versionOrder) },
    layout: map(rootNames.layout),
  };
}

/** The ids of a collection in order: each id once at its first place, ids without a place last by id, ids no longer in the map left out. */
export function readOrder(collection: { byId: Y.Map<unknown>; order: Y.Array<string> }): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const id of collection.order.toArray()) {
    if (typeof id !== 'string' || seen.has(id) || !collection.byId.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  if (seen.size < collection.byId.size) ids.push(...[...collection.byId.keys()].filter((id) => !seen.has(id)).sort());
  return ids;
}

/** Values compare by identity, then (for the plain JSON values fields hold: arrays, ends, positions) by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every top-level type of a document: what a Y.UndoManager tracks (`new Y.UndoManager(documentTypes(ydoc), { trackedOrigins })`). */
export function documentTypes(ydoc: Y.Doc): (Y.Map<unknown> | Y.Array<unknown>)[] {
  return Object.values(rootNames).map((name) =>
    name === rootNames.meta || !name.endsWith('Order') ? ydoc.getMap(name) : ydoc.getArray(name),
  );
}

/** The format the Y.Doc was written in (undefined while empty): a newer one than yFormatVersion is opened read-only or migrated first. */
export function storedFormat(ydoc: Y.Doc): number | undefined {
  const format = ydoc.getMap<unknown>(rootNames.meta).get('format');
  return typeof format === 'number' ? format : undefined;
}
