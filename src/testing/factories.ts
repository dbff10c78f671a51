import {
  addTable,
  connect,
  emptySchema,
  makeColumn,
  updateTable,
  type Cardinality,
  type Column,
  type RelationshipId,
  type Schema,
  type Table,
  type TableId,
} from '../model/index.ts';

/** Test factories shared by every test: small, valid defaults that a test overrides where it matters. */
export function aColumn(fields: Partial<Column> = {}): Column {
  return makeColumn({ name: 'column', ...fields });
}

/** A table named `name` with an integer primary key `id` and any extra columns. */
export function aTable(name: string, ...extra: Partial<Column>[]): { schema: Schema; tableId: TableId } {
  return withTable(emptySchema, name, ...extra);
}

/** Adds a table named `name` (integer primary key `id` plus `extra` columns) to a schema. */
export function withTable(schema: Schema, name: string, ...extra: Partial<Column>[]): { schema: Schema; tableId: TableId } {
  const added = addTable(schema, name);
  const next = updateTable(added.schema, added.tableId, (t) => ({ ...t, columns: [...t.columns, ...extra.map(aColumn)] }));
  return { schema: next, tableId: added.tableId };
}

/** The four end kinds, by their crow's-foot names. */
export const ends = {
  exactlyOne: { min: 1, max: 1 },
  zeroOrOne: { min: 0, max: 1 },
  oneOrMany: { min: 1, max: 'many' },
  zeroOrMany: { min: 0, max: 'many' },
} as const satisfies Record<string, Cardinality>;

/** Two tables, `parent` and `child`, connected with the given ends (parent is `from`). */
export function aSchema(
  fromEnd: Cardinality = ends.exactlyOne,
  toEnd: Cardinality = ends.zeroOrMany,
  names: { parent: string; child: string } = { parent: 'authors', child: 'books' },
): { schema: Schema; parentId: TableId; childId: TableId; relationshipId: RelationshipId } {
  const parent = withTable(emptySchema, names.parent, { name: 'name', type: 'text', isNotNull: true });
  const child = withTable(parent.schema, names.child, { name: 'title', type: 'text', isNotNull: true });
  const connected = connect(child.schema, parent.tableId, child.tableId, { from: fromEnd, to: toEnd });
  return { schema: connected.schema, parentId: parent.tableId, childId: child.tableId, relationshipId: connected.relationshipId };
}

/** The table with this id; throws so a test fails loudly rather than reading undefined. */
export function tableOf(schema: Schema, id: TableId): Table {
  const table = schema.tables.find((t) => t.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
}
