import { newId, type Relationship, type Table } from '../model/index.ts';
import type { CatalogTables, UniqueSet } from './catalogTables.ts';
import type { CatalogConstraint } from './readCatalog.ts';
import type { CatalogSqlObject } from './readSqlObjects.ts';
import { findJunction } from './junctionTables.ts';
import { catalogAction, findRequiredChild, keptKeySql, sameSet, type DrawableKey, type DrawnKey } from './foreignKeyFacts.ts';
import { mergeMutualKeys } from './mutualKeys.ts';

/** Relationships read from foreign keys, and what they took from the tables and the kept objects. */
export interface Inferred {
  relationships: Relationship[];
  notes: string[];
  /** Unique sets (`UniqueSet.key`) a 1:1 implies, so they are not drawn again. */
  takenUniqueSets: Set<string>;
  /** Kept objects (required-child triggers and their functions) the relationships regenerate. */
  takenObjects: Set<string>;
  /** Junction tables read back as many-to-many relationships. */
  junctionTableOids: Set<string>;
  /** Foreign keys the diagram cannot draw, kept as ALTER TABLE text. */
  keptKeys: { oid: string; name: string; sql: string }[];
}

/** The parent end of a key: its columns and the parent's key, or why it cannot be drawn. */
function drawable(k: CatalogConstraint, built: CatalogTables): DrawableKey | string {
  const child = built.tableByOid.get(k.tableOid)!;
  const parent = k.refTableOid ? built.tableByOid.get(k.refTableOid) : undefined;
  if (!parent) return `it refers to a table the diagram does not hold`;
  const primaryKey = built.primaryKeys.get(k.refTableOid!) ?? [];
  const isPrimaryKey = sameSet(primaryKey, k.refColumns);
  const isAlternateKey =
    !isPrimaryKey && built.uniqueSets.some((s) => s.tableOid === k.refTableOid && !s.isPartial && sameSet(s.columns, k.refColumns));
  if (!isPrimaryKey && !isAlternateKey) return `it refers to columns of "${parent.name}" that are neither its primary key nor a UNIQUE set`;
  // The primary key in its own order (the diagram's parent columns); an alternate key as the foreign key lists it.
  const key = isPrimaryKey ? primaryKey : k.refColumns;
  const columns = key.map((attnum) => built.columnAt.get(`${k.tableOid}:${k.columns[k.refColumns.indexOf(attnum)]}`)!);
  const parentKey = key.map((a) => built.columnAt.get(`${k.refTableOid}:${a}`)!);
  return {
    constraint: k,
    child,
    parent,
    columns,
    parentKey,
    ...(isAlternateKey ? { referencedColumnIds: parentKey.map((c) => c.id) } : {}),
  };
}

/**
 * Reads relationships from foreign keys. Columns exactly the child's primary key: 1:1 shared key;
 * exactly a UNIQUE constraint or a plain unique index: 1:1 FK + UNIQUE; otherwise 1:N (a partial unique
 * index says why in a note). The parent end is mandatory when every key column is NOT NULL; the child
 * end when the generator's required-child triggers are there. Keys declared on partitions are drawn
 * once from the partitioned table; junction tables the generator writes come back as many-to-many.
 */
export function inferRelationships(
  constraints: readonly CatalogConstraint[],
  built: CatalogTables,
  objects: readonly CatalogSqlObject[],
): Inferred {
  const out: Inferred = {
    relationships: [],
    notes: [],
    takenUniqueSets: new Set(),
    takenObjects: new Set(),
    junctionTableOids: new Set(),
    keptKeys: [],
  };
  const oids = new Map([...built.tableByOid].map(([oid, t]) => [t, oid]));
  const oidOf = (t: Table) => oids.get(t)!;
  const keys: DrawableKey[] = [];
  const lifted = new Set<string>();
  for (const k of constraints) {
    if (k.type !== 'f') continue;
    if (k.onPartition) {
      const signature = JSON.stringify([k.tableOid, k.columns, k.refTableOid, k.refColumns, k.onDelete, k.onUpdate, k.deferrable]);
      if (lifted.has(signature)) continue;
      lifted.add(signature);
    }
    const key = drawable(k, built);
    if (typeof key === 'string') {
      const child = built.tableByOid.get(k.tableOid)!;
      out.keptKeys.push({ oid: k.oid, name: k.name, sql: keptKeySql(child, k) });
      out.notes.push(`Foreign key "${k.name}" of "${child.name}" is kept as SQL text, not drawn: ${key}.`);
    } else keys.push(key);
  }
  const inJunction = new Set<DrawableKey>();
  for (const [oid, table] of built.tableByOid) {
    const junction = findJunction(oid, table, keys, built, objects, oidOf);
    if (!junction) continue;
    out.relationships.push(junction.relationship);
    junction.keys.forEach((k) => inJunction.add(k));
    junction.takenObjects.forEach((o) => out.takenObjects.add(o));
    out.junctionTableOids.add(oid);
  }
  const drawn = keys.filter((key) => !inJunction.has(key)).map((key) => relationshipOf(key, built, objects, oidOf, out));
  for (const d of mergeMutualKeys(drawn, out)) {
    out.relationships.push(d.relationship);
    d.takenSets.forEach((set) => out.takenUniqueSets.add(set));
  }
  return out;
}

function relationshipOf(
  key: DrawableKey,
  built: CatalogTables,
  objects: readonly CatalogSqlObject[],
  oidOf: (t: Table) => string,
  out: Inferred,
): DrawnKey {
  const { constraint: k, child, parent, columns } = key;
  const childKey = built.primaryKeys.get(k.tableOid) ?? [];
  const sets = built.uniqueSets.filter((s) => s.tableOid === k.tableOid && sameSet(s.columns, k.columns));
  const unique = sets.find((s) => !s.isPartial);
  const isShared = sameSet(childKey, k.columns);
  if (!isShared && !unique && sets.some((s) => s.isPartial)) {
    const partial = sets.find((s) => s.isPartial)!;
    out.notes.push(
      `"${child.name}" -> "${parent.name}" (${k.name}) is read as one-to-many: the unique index "${partial.name}" on its columns is partial (WHERE ...), so it does not make each row's key unique.`,
    );
  }
  // A 1:1 implies its UNIQUE constraint (the generator adds it after the tables), so one added that way is not drawn
  // again; a one-column UNIQUE written in the CREATE TABLE stays the column's own, and a unique index the table's own
  // (under its name: it already makes the key unique, so the 1:1 adds no constraint).
  const isColumnsOwn = (s: UniqueSet) => s.isConstraint && s.inCreateTable && s.columns.length === 1;
  const takenSets = !isShared && unique ? sets.filter((s) => s.isConstraint && !isColumnsOwn(s)).map((s) => s.key) : [];
  const isOneToOne = isShared || unique !== undefined;
  // The UNIQUE constraint the 1:1 takes over keeps its name.
  const uniqueName = sets.find((s) => s.key === takenSets[0])?.name;
  const required = findRequiredChild(objects, oidOf, parent, key.parentKey, child, columns);
  required?.forEach((o) => out.takenObjects.add(o));
  if (k.deferrable && !k.deferred)
    out.notes.push(`Foreign key "${k.name}" is DEFERRABLE INITIALLY IMMEDIATE; the diagram's deferrable keys are INITIALLY DEFERRED.`);
  const relationship: Relationship = {
    id: newId('rel'),
    name: '',
    from: { tableId: parent.id, min: columns.every((c) => c.isNotNull) ? 1 : 0, max: 1 },
    to: { tableId: child.id, min: required ? 1 : 0, max: isOneToOne ? 1 : 'many' },
    keyHolder: 'to',
    oneToOne: isShared ? 'sharedPrimaryKey' : 'foreignKeyUnique',
    foreignKeyColumnIds: columns.map((c) => c.id),
    ...(key.referencedColumnIds ? { referencedColumnIds: key.referencedColumnIds } : {}),
    // A key declared on partitions is drawn from the partitioned table, where no constraint has its name: the generator names it.
    ...(k.onPartition ? {} : { constraintName: k.name }),
    ...(uniqueName ? { uniqueConstraintName: uniqueName } : {}),
    onDelete: catalogAction(k.onDelete),
    onUpdate: catalogAction(k.onUpdate),
    isDeferrable: k.deferrable,
    ...(k.validated ? {} : { isNotValid: true }),
    junction: { name: '', columns: [] },
  };
  if (!k.validated)
    out.notes.push(
      `Foreign key "${k.name}" of "${child.name}" is NOT VALID (rows already there were never checked); the DDL adds it NOT VALID too.`,
    );
  return { key, relationship, takenSets };
}
