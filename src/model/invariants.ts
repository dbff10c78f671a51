import type { ColumnId } from './ids.ts';
import type { Relationship, Schema, Table } from './schema.ts';
import { findColumn, primaryKeyOf } from './lookup.ts';
import { normalizeRelationship, isSharedPrimaryKey } from './normalize.ts';
import { childSide, otherSide, relationshipKind } from './resolve.ts';
import { typeFamily } from './typeFamily.ts';
import { referencedKeyOf } from './referencedKey.ts';

/** What an invariant check may know beyond the schema: key columns edits generated and the user has not taken over since. */
export interface InvariantContext {
  generatedColumnIds?: ReadonlySet<ColumnId>;
}

/**
 * Every way the model itself is broken (never a user mistake the validator explains, such as a
 * table without a primary key): no edit may leave one. Tested after every step of random edit sequences.
 */
export function checkInvariants(schema: Schema, context: InvariantContext = {}): string[] {
  const broken: string[] = [];
  broken.push(...uniqueIds(schema));
  const tables = new Map(schema.tables.map((t) => [t.id as string, t]));
  for (const table of schema.tables) broken.push(...indexColumns(table), ...keyOrderColumns(table));
  const usedKeyColumns = new Set<ColumnId>();
  const sharedKeyColumns = new Set<ColumnId>();
  for (const rel of schema.relationships) {
    for (const id of rel.foreignKeyColumnIds) (usedKeyColumns.has(id) ? sharedKeyColumns : usedKeyColumns).add(id);
  }
  for (const rel of schema.relationships) broken.push(...relationshipInvariants(rel, tables, sharedKeyColumns));
  for (const id of context.generatedColumnIds ?? []) {
    const owner = schema.tables.find((t) => t.columns.some((c) => c.id === id));
    if (owner && !usedKeyColumns.has(id))
      broken.push(`generated key column ${owner.name}.${findColumn(owner, id)!.name} is used by no relationship`);
  }
  return broken;
}

function uniqueIds(schema: Schema): string[] {
  const seen = new Set<string>();
  const broken: string[] = [];
  const claim = (id: string, what: string) => {
    if (seen.has(id)) broken.push(`id ${id} (${what}) is used twice`);
    seen.add(id);
  };
  for (const t of schema.tables) {
    claim(t.id, `table ${t.name}`);
    t.columns.forEach((c) => claim(c.id, `column ${t.name}.${c.name}`));
    t.checks.forEach((c) => claim(c.id, `check of ${t.name}`));
    t.indexes.forEach((i) => claim(i.id, `index of ${t.name}`));
  }
  for (const r of schema.relationships) {
    claim(r.id, 'relationship');
    r.junction.columns.forEach((c) => claim(c.id, `junction column ${c.name}`));
  }
  schema.enums.forEach((e) => claim(e.id, `enum ${e.name}`));
  (schema.sqlObjects ?? []).forEach((o) => claim(o.id, `kept object ${o.name}`));
  return broken;
}

function indexColumns(table: Table): string[] {
  return table.indexes
    .filter((i) => i.columnIds.length === 0 || i.columnIds.some((id) => !findColumn(table, id)))
    .map((i) => `an index of ${table.name} (${i.name || i.id}) names a column the table does not have`);
}

/** The primary key's recorded column order names only columns the table has (a deleted column's id left there reads differently on every peer). */
function keyOrderColumns(table: Table): string[] {
  const stale = (table.primaryKeyColumnIds ?? []).filter((id) => !findColumn(table, id));
  return stale.length > 0 ? [`the primary key order of ${table.name} names ${stale.length} column(s) the table does not have`] : [];
}

/**
 * `sharedKeyColumns` are used by two foreign keys (a tenant_id in two composite keys): when their
 * parents' types part, the validator says so and the person decides, so their types are not checked here.
 */
function relationshipInvariants(rel: Relationship, tables: ReadonlyMap<string, Table>, sharedKeyColumns: ReadonlySet<ColumnId>): string[] {
  const at = `relationship ${rel.id}`;
  const broken: string[] = [];
  const from = tables.get(rel.from.tableId);
  const to = tables.get(rel.to.tableId);
  if (!from || !to) return [`${at} has an end on a table that does not exist`];
  const normal = normalizeRelationship(rel);
  if (normal.keyHolder !== rel.keyHolder) broken.push(`${at} is ${relationshipKind(rel)} but holds its key on the "${rel.keyHolder}" end`);
  if (normal.oneToOne !== rel.oneToOne) broken.push(`${at} is ${relationshipKind(rel)} but keeps the one-to-one strategy ${rel.oneToOne}`);
  if (relationshipKind(rel) !== 'manyToMany' && (rel.junction.name !== '' || rel.junction.columns.length > 0))
    broken.push(`${at} is ${relationshipKind(rel)} but keeps a junction`);
  if (relationshipKind(rel) === 'manyToMany') {
    if (rel.foreignKeyColumnIds.length > 0) broken.push(`${at} is many-to-many but names foreign key columns`);
    return broken;
  }
  const side = childSide(rel);
  const child = side === 'from' ? from : to;
  const parent = side === 'from' ? to : from;
  const keyColumns = rel.foreignKeyColumnIds.map((id) => findColumn(child, id));
  if (keyColumns.some((c) => c === undefined))
    broken.push(`${at}: a foreign key column is not in ${child.name}, the table holding the key`);
  if (new Set(rel.foreignKeyColumnIds).size !== rel.foreignKeyColumnIds.length) broken.push(`${at} names a foreign key column twice`);
  if (isSharedPrimaryKey(rel)) {
    const childKey = primaryKeyOf(child).map((c) => c.id);
    if (childKey.join() !== rel.foreignKeyColumnIds.join())
      broken.push(`${at} shares ${child.name}'s primary key but its key columns are not that key`);
    if (rel[otherSide(side)].min !== 1) broken.push(`${at} shares a primary key but its parent end is optional`);
    return broken;
  }
  const parentKey = referencedKeyOf(rel, parent);
  if (rel.referencedColumnIds && parentKey.length !== rel.referencedColumnIds.length)
    broken.push(`${at} refers to a column ${parent.name} does not have`);
  if (keyColumns.length !== parentKey.length) {
    broken.push(`${at} has ${keyColumns.length} key columns in ${child.name} for ${parentKey.length} key columns of ${parent.name}`);
    return broken;
  }
  keyColumns.forEach((column, i) => {
    const referenced = parentKey[i];
    if (column && referenced && !sharedKeyColumns.has(column.id) && typeFamily(column.type) !== typeFamily(referenced.type)) {
      broken.push(
        `${at}: ${child.name}.${column.name} is ${column.type} but refers to ${parent.name}.${referenced.name}, ${referenced.type}`,
      );
    }
  });
  return broken;
}
