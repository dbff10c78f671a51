import * as Y from 'yjs';
import type { TouchedParts } from './touchedParts.ts';
import { entityFields, metaKeys, rootNames, roots, tableCollections, yFormatVersion, type Collection } from './yShape.ts';
import type { EntityKind } from './yEntities.ts';

const knownRoots = new Set<string>(Object.values(rootNames));
const tableKeys = new Set<string>([...entityFields.table, ...tableCollections.flatMap((c) => [c.key, c.order])]);
const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Y.AbstractType);

/**
 * What is wrong with the Y types a change touched, before anything reads them: a top-level name
 * this format does not have, an entity that is not a Y.Map or holds a key no field has, an order
 * holding something other than ids, a format version this editor does not write. Undefined when fine.
 */
export function structureProblem(ydoc: Y.Doc, touched: TouchedParts): string | undefined {
  for (const name of ydoc.share.keys()) if (!knownRoots.has(name)) return `unknown top-level part "${name.slice(0, 40)}"`;
  const y = roots(ydoc);
  if (touched.meta) {
    for (const key of y.meta.keys()) if (!(metaKeys as readonly string[]).includes(key)) return `unknown meta key "${key.slice(0, 40)}"`;
    if (y.meta.get('format') !== yFormatVersion) return `format ${String(y.meta.get('format'))} is not ${yFormatVersion}`;
    for (const key of metaKeys.slice(1))
      if (y.meta.has(key) && typeof y.meta.get(key) !== 'boolean') return `meta.${key} is not true or false`;
  }
  const c = touched.collections;
  const entityCollections = [
    ['relationships', 'relationship'],
    ['enums', 'enum'],
    ['sqlObjects', 'sqlObject'],
    ['notes', 'note'],
  ] as const;
  for (const [root, kind] of entityCollections) {
    const part = c[root];
    if (!part) continue;
    const problem = orderProblem(y[root], root) ?? entitiesProblem(y[root].byId, part.ids, kind, root);
    if (problem) return problem;
  }
  if (c.versions) {
    const problem = orderProblem(y.versions, 'versions');
    if (problem) return problem;
    for (const id of c.versions.ids)
      if (y.versions.byId.has(id) && !isPlainObject(y.versions.byId.get(id))) return `versions.${id} is not a version`;
  }
  if (c.layout) {
    for (const id of c.layout.ids) if (y.layout.has(id) && !isPlainObject(y.layout.get(id))) return `layout.${id} is not a position`;
  }
  return tablesProblem(y.tables, touched);
}

function orderProblem(collection: Collection, where: string): string | undefined {
  return collection.order.toArray().some((id) => typeof id !== 'string')
    ? `the order of ${where} holds something other than ids`
    : undefined;
}

/** Each touched id still present must be a Y.Map with only its kind's fields (a relationship's shape a plain object). */
function entitiesProblem(byId: Y.Map<unknown>, ids: Iterable<string>, kind: EntityKind, where: string): string | undefined {
  const fields = new Set<string>(entityFields[kind]);
  for (const id of ids) {
    if (!byId.has(id)) continue;
    const entity = byId.get(id);
    if (!(entity instanceof Y.Map)) return `${where}.${id} is not a map of fields`;
    for (const key of entity.keys()) if (!fields.has(key)) return `${where}.${id} has an unknown field "${key.slice(0, 40)}"`;
    for (const [key, value] of entity.entries()) if (value instanceof Y.AbstractType) return `${where}.${id}.${key} is not a plain value`;
    if (kind === 'relationship' && !isPlainObject(entity.get('shape'))) return `${where}.${id} has no shape`;
  }
  return undefined;
}

/** A touched table: a Y.Map of its fields and nested collections; a table replaced whole has all of its items checked. */
function tablesProblem(tables: Collection, touched: TouchedParts): string | undefined {
  const whole = touched.collections.tables?.ids ?? new Set<string>();
  if (touched.collections.tables) {
    const problem = orderProblem(tables, 'tables');
    if (problem) return problem;
  }
  for (const id of new Set([...whole, ...touched.tables.keys()])) {
    if (!tables.byId.has(id)) continue;
    const table = tables.byId.get(id);
    if (!(table instanceof Y.Map)) return `tables.${id} is not a map of fields`;
    for (const key of table.keys()) if (!tableKeys.has(key)) return `tables.${id} has an unknown field "${key.slice(0, 40)}"`;
    for (const key of entityFields.table) if (table.get(key) instanceof Y.AbstractType) return `tables.${id}.${key} is not a plain value`;
    const inside = touched.tables.get(id);
    for (const which of tableCollections) {
      const byId = table.get(which.key);
      const order = table.get(which.order);
      if (!(byId instanceof Y.Map) || !(order instanceof Y.Array)) return `tables.${id}.${which.key} is not a map beside an order`;
      const where = `tables.${id}.${which.key}`;
      const ids = whole.has(id) ? byId.keys() : (inside?.[which.key] ?? []);
      const problem = orderProblem({ byId, order }, where) ?? entitiesProblem(byId, ids, which.kind, where);
      if (problem) return problem;
    }
  }
  return undefined;
}
