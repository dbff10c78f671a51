import type * as Y from 'yjs';
import type { ErdDocument, Layout, Note, Position, Relationship, Schema, SqlObject, Table, Version, EnumType } from '../model/index.ts';
import { entityOf } from './yEntities.ts';
import { readItems } from './yCollections.ts';
import { nestedCollection } from './writeDocument.ts';
import { touchedParts, type TouchedTable } from './touchedParts.ts';
import { roots, tableCollections } from './yShape.ts';

type Roots = ReturnType<typeof roots>;

/**
 * The document a Y.Doc holds, exactly as written (no repair: see readDocumentState for what the
 * editor shows). Entities come out with the model's field order.
 */
export function readRawDocument(ydoc: Y.Doc): ErdDocument {
  const y = roots(ydoc);
  const schema: Schema = {
    tables: readItems(y.tables, (id, value) => readTable(id, value as Y.Map<unknown>)),
    relationships: readItems(y.relationships, (id, value) => entityOf<Relationship>('relationship', id, value as Y.Map<unknown>)),
    enums: readItems(y.enums, (id, value) => entityOf<EnumType>('enum', id, value as Y.Map<unknown>)),
  };
  return assemble(y, schema, {
    notes: readItems(y.notes, readNote),
    versions: readItems(y.versions, readVersion),
    sqlObjects: readItems(y.sqlObjects, readSqlObject),
    layout: Object.fromEntries(y.layout.entries()) as Layout,
  });
}

/**
 * The document after a transaction, re-reading only what it touched (`transaction.changed`, from
 * `ydoc.on('afterTransaction')`): every untouched table, column, relationship... is the previous
 * object itself, so a remote edit to one table makes one new table, not 500.
 */
export function readRawDocumentChange(ydoc: Y.Doc, previous: ErdDocument, changed: Y.Transaction['changed']): ErdDocument {
  const touched = touchedParts(ydoc, changed);
  const c = touched.collections;
  const y = roots(ydoc);
  const again = <T extends { id: string }>(
    part: { ids: Set<string> } | undefined,
    collection: Parameters<typeof readItems<T>>[0],
    read: (id: string, value: unknown) => T | undefined,
    before: readonly T[],
  ): T[] => (part ? readItems(collection, read, before, part.ids) : (before as T[]));
  const tablesTouched = c.tables !== undefined || touched.tables.size > 0;
  const previousTables = new Map(tablesTouched ? previous.schema.tables.map((t) => [t.id as string, t]) : []);
  const tableIds = new Set([...(c.tables?.ids ?? []), ...touched.tables.keys()]);
  const readChangedTable = (id: string, value: unknown) =>
    c.tables?.ids.has(id)
      ? readTable(id, value as Y.Map<unknown>)
      : readTable(id, value as Y.Map<unknown>, previousTables.get(id), touched.tables.get(id));
  const before = previous.schema;
  const tables = tablesTouched ? readItems(y.tables, readChangedTable, before.tables, tableIds) : before.tables;
  const relationships = again(
    c.relationships,
    y.relationships,
    (id, v) => entityOf<Relationship>('relationship', id, v as Y.Map<unknown>),
    before.relationships,
  );
  const enums = again(c.enums, y.enums, (id, v) => entityOf<EnumType>('enum', id, v as Y.Map<unknown>), before.enums);
  const sqlObjects = again(c.sqlObjects, y.sqlObjects, readSqlObject, before.sqlObjects ?? []);
  const notes = again(c.notes, y.notes, readNote, previous.notes ?? []);
  const versions = again(c.versions, y.versions, readVersion, previous.versions ?? []);
  const layout = c.layout ? readLayoutChange(y.layout, previous.layout, c.layout.ids) : previous.layout;
  const unchangedSchema = tables === before.tables && relationships === before.relationships && enums === before.enums;
  const schema = unchangedSchema ? before : { ...before, tables, relationships, enums };
  const next = assemble(y, schema, { notes, versions, sqlObjects, layout });
  const same =
    !touched.meta &&
    unchangedSchema &&
    sqlObjects === (before.sqlObjects ?? []) &&
    notes === (previous.notes ?? []) &&
    versions === (previous.versions ?? []) &&
    layout === previous.layout;
  return same ? previous : next;
}

/** The document from its parts, with the optional parts present exactly when the writer had them. */
function assemble(
  y: Roots,
  schema: Schema,
  parts: { notes: Note[]; versions: Version[]; sqlObjects: SqlObject[]; layout: Layout },
): ErdDocument {
  const has = (flag: string, items: readonly unknown[]) =>
    y.meta.get(flag) === true || (y.meta.get(flag) === undefined && items.length > 0);
  const sqlObjects = has('hasSqlObjects', parts.sqlObjects) ? parts.sqlObjects : undefined;
  const kept =
    schema.sqlObjects === sqlObjects ? schema : { tables: schema.tables, relationships: schema.relationships, enums: schema.enums };
  return {
    schema: kept === schema || sqlObjects === undefined ? kept : { ...kept, sqlObjects },
    layout: parts.layout,
    ...(has('hasNotes', parts.notes) ? { notes: parts.notes } : {}),
    ...(has('hasVersions', parts.versions) ? { versions: parts.versions } : {}),
  };
}

/** A table with its columns, checks and indexes; with `previous` and what changed inside, untouched ones are the previous objects. */
function readTable(id: string, tableMap: Y.Map<unknown>, previous?: Table, touched?: TouchedTable): Table | undefined {
  const table = entityOf<Table>('table', id, tableMap);
  if (!table) return undefined;
  for (const which of tableCollections) {
    const nested = nestedCollection(tableMap, which);
    const read = (itemId: string, value: unknown) => entityOf<{ id: string }>(which.kind, itemId, value as Y.Map<unknown>);
    (table as unknown as Record<string, unknown>)[which.key] =
      nested.byId && nested.order ? readItems(nested, read, previous?.[which.key], touched?.[which.key]) : [];
  }
  return table;
}

const readNote = (id: string, value: unknown) => entityOf<Note>('note', id, value as Y.Map<unknown>);
const readSqlObject = (id: string, value: unknown) => entityOf<SqlObject>('sqlObject', id, value as Y.Map<unknown>);
const readVersion = (_id: string, value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Version) : undefined;

/** The layout with the changed tables' entries re-read; the previous object when none changed. */
function readLayoutChange(layout: Y.Map<unknown>, previous: Layout, tableIds: ReadonlySet<string>): Layout {
  const next: Record<string, Position> = { ...previous };
  for (const id of tableIds) {
    const position = layout.get(id) as Position | undefined;
    if (position === undefined) delete next[id];
    else next[id] = position;
  }
  return next as Layout;
}
