import {
  checkInvariants,
  childSide,
  otherSide,
  typeFamily,
  type ErdDocument,
  type Layout,
  type Relationship,
  type Schema,
  type Table,
} from '../model/index.ts';
import { referencedKeyOf } from '../model/referencedKey.ts';

/** A repaired document and, in plain words, what the repair dropped or changed. */
export interface Repair {
  document: ErdDocument;
  dropped: string[];
}

/**
 * Makes a merged document hold the model's invariants again. Two edits valid alone can merge into a
 * broken one (a relationship to a table someone deleted, an index on a column someone dropped).
 * Deterministic and minting no ids, so every peer repairs the same Y.Doc into the same document and
 * none writes its repair back (writing it back would race the other peers' identical repairs):
 * broken indexes and relationships are removed, a key column whose parent key changed type takes
 * that type. A document that needs nothing comes back as the same object. `previous` (the document
 * before the change) only names what went: a table deleted by someone else is no longer in `document`.
 * `known.schemaIsWhole` (isStillWhole said so) skips the schema's checks: only the layout is tidied.
 */
export function repairDocument(document: ErdDocument, previous?: ErdDocument, known: { schemaIsWhole?: boolean } = {}): Repair {
  if (known.schemaIsWhole) {
    const layout = layoutOfTables(document.layout, document.schema);
    return { document: layout === document.layout ? document : { ...document, layout }, dropped: [] };
  }
  const dropped: string[] = [];
  const nameOf = tableNamer(document.schema, previous?.schema);
  let schema = withoutDuplicateIds(document.schema, dropped);
  schema = withoutStrayIndexes(schema, dropped);
  for (let round = 0; round < 3; round++) {
    const broken = brokenRelationships(schema);
    if (broken.size === 0) break;
    schema = round === 0 ? withMatchingKeyTypes(schema, broken, dropped) : schema;
    const stillBroken = round === 0 ? brokenRelationships(schema) : broken;
    if (stillBroken.size === 0) break;
    const kept = schema.relationships.filter((r) => {
      const problem = stillBroken.get(r.id);
      if (problem !== undefined)
        dropped.push(
          `the relationship ${nameOf(r.from.tableId)} -> ${nameOf(r.to.tableId)} was removed: ${why(schema, r, problem, nameOf)}`,
        );
      return problem === undefined;
    });
    schema = { ...schema, relationships: kept };
  }
  const layout = layoutOfTables(document.layout, schema);
  if (schema === document.schema && layout === document.layout) return { document, dropped };
  return { document: { ...document, schema, layout }, dropped };
}

const unknownTable = '(deleted table)';

/** Names tables by id, looking in the document before the change for one deleted since. */
function tableNamer(schema: Schema, previous?: Schema): (id: string) => string {
  return (id) => (schema.tables.find((t) => t.id === id) ?? previous?.tables.find((t) => t.id === id))?.name ?? unknownTable;
}

function why(schema: Schema, rel: Relationship, problem: string, nameOf: (id: string) => string): string {
  const missing = [rel.from.tableId, rel.to.tableId].find((id) => !schema.tables.some((t) => t.id === id));
  if (missing) {
    const name = nameOf(missing);
    return name === unknownTable ? 'one of its tables was deleted' : `its table ${name} was deleted`;
  }
  return `edits made at the same time left it inconsistent (${problem.replace(/^relationship \S+:? ?/, '')})`;
}

/** The relationships checkInvariants finds broken, each with its first problem. */
function brokenRelationships(schema: Schema): Map<string, string> {
  const broken = new Map<string, string>();
  for (const problem of checkInvariants(schema)) {
    const id = /^relationship (\S+?):? /.exec(problem)?.[1];
    if (id !== undefined && !broken.has(id)) broken.set(id, problem);
  }
  return broken;
}

/** Ids are keys in the Y.Doc, unique per collection; one reused across collections (only a hostile peer makes one) keeps its first holder. */
function withoutDuplicateIds(schema: Schema, dropped: string[]): Schema {
  const seen = new Set<string>();
  const isNew = (id: string) => !seen.has(id) && seen.add(id) !== undefined;
  let changed = false;
  const keep = <T extends { id: string }>(items: readonly T[], what: (item: T) => string): T[] => {
    const kept = items.filter((item) => isNew(item.id) || (dropped.push(`${what(item)} was removed: its id was used twice`), false));
    changed ||= kept.length !== items.length;
    return kept.length === items.length ? (items as T[]) : kept;
  };
  const tables = keep(schema.tables, (t) => `the table ${t.name}`).map((t) => {
    const columns = keep(t.columns, (c) => `the column ${t.name}.${c.name}`);
    const checks = keep(t.checks, () => `a check of ${t.name}`);
    const indexes = keep(t.indexes, () => `an index of ${t.name}`);
    return columns === t.columns && checks === t.checks && indexes === t.indexes ? t : { ...t, columns, checks, indexes };
  });
  const relationships = keep(schema.relationships, (r) => `the relationship ${r.name || r.id}`);
  const enums = keep(schema.enums, (e) => `the enum ${e.name}`);
  const sqlObjects = schema.sqlObjects && keep(schema.sqlObjects, (o) => `the kept object ${o.name}`);
  if (!changed) return schema;
  return { ...schema, tables, relationships, enums, ...(sqlObjects ? { sqlObjects } : {}) };
}

/** Removes indexes on a column someone else deleted, and drops such columns from a primary key's order. */
function withoutStrayIndexes(schema: Schema, dropped: string[]): Schema {
  let changed = false;
  const tables = schema.tables.map((table) => {
    const ids = new Set<string>(table.columns.map((c) => c.id));
    const indexes = table.indexes.filter((index) => {
      const whole = index.columnIds.length > 0 && index.columnIds.every((id) => ids.has(id));
      if (!whole) dropped.push(`the index ${index.name || 'without a name'} of ${table.name} was removed: a column it covered was deleted`);
      return whole;
    });
    const keyOrder = table.primaryKeyColumnIds?.filter((id) => ids.has(id));
    const sameKey = keyOrder === undefined || keyOrder.length === table.primaryKeyColumnIds!.length;
    if (indexes.length === table.indexes.length && sameKey) return table;
    changed = true;
    const repaired: Table = { ...table, indexes, primaryKeyColumnIds: keyOrder };
    if (!keyOrder?.length) delete repaired.primaryKeyColumnIds;
    return repaired;
  });
  return changed ? { ...schema, tables } : schema;
}

/**
 * One person changed a parent key's type while another connected to it: the new key column takes
 * the parent's type, as the model's own edits re-derive it. A column shared by two keys is left alone.
 */
function withMatchingKeyTypes(schema: Schema, broken: ReadonlyMap<string, string>, dropped: string[]): Schema {
  const retyped = new Map<string, string>();
  for (const rel of schema.relationships) {
    if (!broken.get(rel.id)?.includes(' but refers to ')) continue;
    const child = schema.tables.find((t) => t.id === rel[childSide(rel)].tableId);
    const parent = schema.tables.find((t) => t.id === rel[otherSide(childSide(rel))].tableId);
    if (!child || !parent) continue;
    const parentKey = referencedKeyOf(rel, parent);
    rel.foreignKeyColumnIds.forEach((id, i) => {
      const column = child.columns.find((c) => c.id === id);
      const referenced = parentKey[i];
      if (!column || !referenced || typeFamily(column.type) === typeFamily(referenced.type) || retyped.has(id)) return;
      retyped.set(id, referenced.type);
      dropped.push(
        `${child.name}.${column.name} became ${referenced.type} to match ${parent.name}.${referenced.name} (changed at the same time)`,
      );
    });
  }
  if (retyped.size === 0) return schema;
  const tables = schema.tables.map((t) =>
    t.columns.some((c) => retyped.has(c.id))
      ? { ...t, columns: t.columns.map((c) => (retyped.has(c.id) ? { ...c, type: retyped.get(c.id)! } : c)) }
      : t,
  );
  return { ...schema, tables };
}

/** The layout without entries of deleted tables (one person moved a table another deleted). */
function layoutOfTables(layout: Layout, schema: Schema): Layout {
  const ids = new Set<string>(schema.tables.map((t) => t.id));
  const stray = Object.keys(layout).filter((id) => !ids.has(id));
  if (stray.length === 0) return layout;
  const kept = { ...layout } as Record<string, unknown>;
  for (const id of stray) delete kept[id];
  return kept as Layout;
}
