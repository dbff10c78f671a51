import * as Y from 'yjs';
import type { ErdDocument, Layout, Table } from '../model/index.ts';
import { newEntityMap, writeEntityChange, type EntityKind } from './yEntities.ts';
import { writeItems, writeItemsChange, type ItemWriter } from './yCollections.ts';
import { roots, sameValue, tableCollections, yFormatVersion, type Collection } from './yShape.ts';

/** Writers of entities kept as a Y.Map of fields: a new map, or the differing fields of the existing one. */
const entityWriter = <T extends { id: string }>(kind: EntityKind): ItemWriter<T> => ({
  create: (item) => newEntityMap(kind, item),
  change: (existing, before, after) => writeEntityChange(kind, existing as Y.Map<unknown>, before, after),
});

/** A table's nested collection (columns, checks or indexes) inside its Y.Map. */
export function nestedCollection(tableMap: Y.Map<unknown>, which: (typeof tableCollections)[number]): Collection {
  return { byId: tableMap.get(which.key) as Y.Map<unknown>, order: tableMap.get(which.order) as Y.Array<string> };
}

/** A new Y.Map for a table: its fields, and its columns, checks and indexes each as a map by id beside an order. */
function newTableMap(table: Table): Y.Map<unknown> {
  const tableMap = newEntityMap('table', table);
  for (const which of tableCollections) {
    const byId = new Y.Map<unknown>();
    const order = new Y.Array<string>();
    for (const item of table[which.key]) byId.set(item.id, newEntityMap(which.kind, item));
    order.push(table[which.key].map((item) => item.id));
    tableMap.set(which.key, byId);
    tableMap.set(which.order, order);
  }
  return tableMap;
}

const tableWriter: ItemWriter<Table> = {
  create: newTableMap,
  change(existing, before, after) {
    const tableMap = existing as Y.Map<unknown>;
    writeEntityChange('table', tableMap, before, after);
    for (const which of tableCollections) {
      const nested = nestedCollection(tableMap, which);
      if (!nested.byId || !nested.order) {
        tableMap.set(which.key, new Y.Map());
        tableMap.set(which.order, new Y.Array());
        writeItems<{ id: string }>(nestedCollection(tableMap, which), after[which.key], (item) => newEntityMap(which.kind, item));
      } else writeItemsChange<{ id: string }>(nested, before[which.key], after[which.key], entityWriter(which.kind));
    }
  },
};

const versionWriter: ItemWriter<{ id: string }> = { create: (version) => version };

/**
 * Fills an empty Y.Doc with a document in one transaction (the first peer of a room, or a document
 * opened from a file or the local library). Filling a Y.Doc that already holds a document merges
 * the two: use it on a fresh one.
 */
export function writeDocument(ydoc: Y.Doc, document: ErdDocument, origin: unknown = null): void {
  const y = roots(ydoc);
  ydoc.transact(() => {
    y.meta.set('format', yFormatVersion);
    writeFlags(y.meta, document);
    writeItems(y.tables, document.schema.tables, newTableMap);
    writeItems(y.relationships, document.schema.relationships, (r) => newEntityMap('relationship', r));
    writeItems(y.enums, document.schema.enums, (e) => newEntityMap('enum', e));
    writeItems(y.sqlObjects, document.schema.sqlObjects ?? [], (o) => newEntityMap('sqlObject', o));
    writeItems(y.notes, document.notes ?? [], (n) => newEntityMap('note', n));
    writeItems(y.versions, document.versions ?? [], versionWriter.create);
    for (const [tableId, position] of Object.entries(document.layout)) y.layout.set(tableId, position);
  }, origin);
}

/**
 * Writes only what differs between two documents, in one transaction with `origin` (the store's
 * local edits, which a Y.UndoManager tracks by that origin). Unchanged parts are skipped by
 * reference: one column renamed in a 500-table document writes one key.
 */
export function applyDocumentChange(ydoc: Y.Doc, before: ErdDocument, after: ErdDocument, origin: unknown = null): void {
  if (before === after) return;
  const y = roots(ydoc);
  ydoc.transact(() => {
    writeFlags(y.meta, after, before);
    const [b, a] = [before.schema, after.schema];
    if (b !== a) {
      writeItemsChange(y.tables, b.tables, a.tables, tableWriter);
      writeItemsChange(y.relationships, b.relationships, a.relationships, entityWriter('relationship'));
      writeItemsChange(y.enums, b.enums, a.enums, entityWriter('enum'));
      writeItemsChange(y.sqlObjects, b.sqlObjects ?? [], a.sqlObjects ?? [], entityWriter('sqlObject'));
    }
    writeItemsChange(y.notes, before.notes ?? [], after.notes ?? [], entityWriter('note'));
    writeItemsChange(y.versions, before.versions ?? [], after.versions ?? [], versionWriter);
    writeLayoutChange(y.layout, before.layout, after.layout);
  }, origin);
}

/** Which optional parts a document has, so a read gives back `notes: []` or no notes exactly as written. */
function writeFlags(meta: Y.Map<unknown>, after: ErdDocument, before?: ErdDocument): void {
  const flags = {
    hasNotes: after.notes !== undefined,
    hasVersions: after.versions !== undefined,
    hasSqlObjects: after.schema.sqlObjects !== undefined,
  };
  const old = before && {
    hasNotes: before.notes !== undefined,
    hasVersions: before.versions !== undefined,
    hasSqlObjects: before.schema.sqlObjects !== undefined,
  };
  for (const [key, value] of Object.entries(flags)) if (old?.[key as keyof typeof flags] !== value) meta.set(key, value);
}

function writeLayoutChange(layout: Y.Map<unknown>, before: Layout, after: Layout): void {
  if (before === after) return;
  for (const [tableId, position] of Object.entries(after)) {
    if (!sameValue(before[tableId as keyof Layout], position)) layout.set(tableId, position);
  }
  for (const tableId of Object.keys(before)) if (!(tableId in after)) layout.delete(tableId);
}
