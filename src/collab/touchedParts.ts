import type * as Y from 'yjs';
import { rootNames, type RootName } from './yShape.ts';

/** A collection a transaction touched: which of its items changed, and whether anything (an order, an item) changed at all. */
export interface TouchedCollection {
  ids: Set<string>;
}

/** What a table's change touched inside it: its own fields, and the ids in its columns, checks and indexes. */
export interface TouchedTable {
  columns: Set<string>;
  checks: Set<string>;
  indexes: Set<string>;
}

/** The parts of a document one transaction changed, by top-level collection; absent = untouched. */
export interface TouchedParts {
  meta: boolean;
  collections: Partial<Record<RootName, TouchedCollection>>;
  /** Tables whose content changed, each with what inside (a table replaced whole, or one of its nested maps, is in `collections.tables`). */
  tables: Map<string, TouchedTable>;
}

const rootByName = new Map<string, RootName>(Object.entries(rootNames).map(([key, name]) => [name, key as RootName]));
/** Order arrays touch the collection they order. */
const orderOf: Partial<Record<RootName, RootName>> = {
  tableOrder: 'tables',
  relationshipOrder: 'relationships',
  enumOrder: 'enums',
  sqlObjectOrder: 'sqlObjects',
  noteOrder: 'notes',
  versionOrder: 'versions',
};
const nestedByKey: Record<string, keyof TouchedTable> = {
  columns: 'columns',
  columnOrder: 'columns',
  checks: 'checks',
  checkOrder: 'checks',
  indexes: 'indexes',
  indexOrder: 'indexes',
};

/** The keys from the top-level type down to `type`, and the top-level type's name. */
function pathOf(ydoc: Y.Doc, type: Y.AbstractType<unknown>): { root: string | undefined; keys: string[] } {
  const keys: string[] = [];
  let current: Y.AbstractType<unknown> = type;
  while (current._item) {
    keys.unshift(current._item.parentSub ?? '');
    current = current._item.parent as Y.AbstractType<unknown>;
  }
  for (const [name, shared] of ydoc.share) if (shared === current) return { root: name, keys };
  return { root: undefined, keys };
}

/**
 * What a transaction changed, from its `changed` map (type -> keys changed on it; `null` for an
 * array): the incremental reader re-reads only these parts.
 */
export function touchedParts(ydoc: Y.Doc, changed: Y.Transaction['changed']): TouchedParts {
  const touched: TouchedParts = { meta: false, collections: {}, tables: new Map() };
  const collection = (root: RootName) => (touched.collections[root] ??= { ids: new Set() });
  for (const [type, changedKeys] of changed) {
    const { root: rootName, keys } = pathOf(ydoc, type as Y.AbstractType<unknown>);
    const root = rootName === undefined ? undefined : rootByName.get(rootName);
    if (root === undefined) continue;
    if (root === 'meta') {
      touched.meta = true;
      continue;
    }
    const ordered = orderOf[root];
    if (ordered) {
      collection(ordered);
      continue;
    }
    const ids = collection(root).ids;
    if (keys.length === 0) {
      for (const key of changedKeys) if (key !== null) ids.add(key);
    } else if (root !== 'tables') ids.add(keys[0]!);
    else if (keys.length === 1 && [...changedKeys].some((key) => key !== null && key in nestedByKey)) ids.add(keys[0]!);
    else touchTable(touched, keys, changedKeys);
  }
  return touched;
}

/** A change inside a table: its fields (path [tableId]), a nested collection ([tableId, 'columns']) or one item of it. */
function touchTable(touched: TouchedParts, keys: string[], changedKeys: ReadonlySet<string | null>): void {
  const [tableId, nestedKey, itemId] = keys as [string, string | undefined, string | undefined];
  let table = touched.tables.get(tableId);
  if (!table) touched.tables.set(tableId, (table = { columns: new Set(), checks: new Set(), indexes: new Set() }));
  if (nestedKey === undefined) return;
  const nested = nestedByKey[nestedKey];
  if (!nested) return;
  if (itemId !== undefined) table[nested].add(itemId);
  else if (!nestedKey.endsWith('Order')) for (const key of changedKeys) if (key !== null) table[nested].add(key);
}
