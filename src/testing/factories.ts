import {
  addTable,
  connect,
  defaultSchemaName,
  emptySchema,
  makeCheck,
  makeColumn,
  makeIndex,
  makeRelationship,
  newId,
  updateTable,
  type Cardinality,
  type CheckConstraint,
  type Column,
  type ColumnId,
  type EnumType,
  type Note,
  type Relationship,
  type RelationshipId,
  type Schema,
  type SqlObject,
  type Table,
  type TableId,
  type TableIndex,
  type Version,
} from '../model/index.ts';

/** Test factories shared by every test: small, valid defaults that a test overrides where it matters. */
export function aColumn(fields: Partial<Column> = {}): Column {
  return makeColumn({ name: 'column', ...fields });
}

/** A CHECK constraint with a fresh id: unnamed and always true unless the test says otherwise. */
export function aCheck(fields: Partial<CheckConstraint> = {}): CheckConstraint {
  return { ...makeCheck(), ...fields };
}

/** An index with a fresh id on `columnIds`: unnamed and not unique unless the test says otherwise. */
export function anIndex(columnIds: ColumnId[], fields: Partial<TableIndex> = {}): TableIndex {
  return { ...makeIndex(columnIds), ...fields };
}

/** An enum type `mood` in the default schema, with two values. */
export function anEnum(fields: Partial<EnumType> = {}): EnumType {
  return { id: newId('enum'), name: 'mood', schemaName: defaultSchemaName, values: ['sad', 'ok'], ...fields };
}

/** An object kept as SQL text: a view unless the test gives another kind and its statement. */
export function aKeptObject(fields: Partial<SqlObject> = {}): SqlObject {
  return { id: newId('sql'), kind: 'view', name: 'one', sql: 'CREATE VIEW one AS SELECT 1 AS one;', ...fields };
}

/** A sticky note at the origin. */
export function aNote(fields: Partial<Note> = {}): Note {
  return { id: newId('note'), text: 'a note', position: { x: 0, y: 0 }, ...fields };
}

/** A version marked deployed on 3 December 2026, holding an empty schema unless the test gives one. */
export function aVersion(fields: Partial<Version> = {}): Version {
  return { id: newId('ver'), name: 'deployed', createdAt: '2026-12-03T17:00:00.000Z', kind: 'marked', schema: emptySchema, ...fields };
}

/**
 * A relationship object from one table to another (one-to-many, no key columns yet), as data only:
 * for code that reads relationships without a schema. To draw one in a schema, use `aSchema` or `connect`.
 */
export function aRelationship(from: TableId, to: TableId, fields: Partial<Relationship> = {}): Relationship {
  return { ...makeRelationship(from, to), ...fields };
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
