import { newId, type ColumnId, type TableId } from './ids.ts';
import { defaultSchemaName, type CheckConstraint, type Column, type Schema, type Table, type TableIndex } from './schema.ts';
import { uniqueName } from './naming.ts';

/** Applies `change` to one table, leaving the others untouched. */
export function updateTable(schema: Schema, tableId: TableId, change: (t: Table) => Table): Schema {
  return { ...schema, tables: schema.tables.map((t) => (t.id === tableId ? change(t) : t)) };
}

/** A new column with sensible defaults: a nullable `text` column. */
export function makeColumn(fields: Partial<Column> & { name: string }): Column {
  return {
    id: newId('col'),
    type: 'text',
    isPrimaryKey: false,
    isNotNull: false,
    isUnique: false,
    defaultValue: null,
    identity: null,
    comment: '',
    ...fields,
  };
}

/** Adds a table with an integer primary key `id`, named `table`, `table_2`... unless a name is given. */
export function addTable(schema: Schema, name?: string): { schema: Schema; tableId: TableId } {
  const table: Table = {
    id: newId('tbl'),
    name:
      name ??
      uniqueName(
        'table',
        schema.tables.map((t) => t.name),
      ),
    schemaName: defaultSchemaName,
    comment: '',
    columns: [makeColumn({ name: 'id', type: 'integer', isPrimaryKey: true, isNotNull: true })],
    checks: [],
    indexes: [],
  };
  return { schema: { ...schema, tables: [...schema.tables, table] }, tableId: table.id };
}

/** Renames a table; relationships follow because they hold its id. */
export function renameTable(schema: Schema, tableId: TableId, name: string): Schema {
  return updateTable(schema, tableId, (t) => ({ ...t, name }));
}

/** Adds a column at the end of a table, named `column`, `column_2`... unless a name is given. */
export function addColumn(
  schema: Schema,
  tableId: TableId,
  fields: Partial<Column> = {},
  atIndex?: number,
): { schema: Schema; columnId: ColumnId } {
  const table = schema.tables.find((t) => t.id === tableId);
  const name = fields.name ?? uniqueName('column', table?.columns.map((c) => c.name) ?? []);
  const column = makeColumn({ ...fields, name });
  const insert = (columns: Column[]) => [
    ...columns.slice(0, atIndex ?? columns.length),
    column,
    ...columns.slice(atIndex ?? columns.length),
  ];
  return { schema: updateTable(schema, tableId, (t) => ({ ...t, columns: insert(t.columns) })), columnId: column.id };
}

/** Moves a column to another place in its table (the order CREATE TABLE lists them in). */
export function moveColumn(schema: Schema, tableId: TableId, columnId: ColumnId, toIndex: number): Schema {
  const table = schema.tables.find((t) => t.id === tableId);
  const from = table?.columns.findIndex((c) => c.id === columnId) ?? -1;
  const to = Math.max(0, Math.min((table?.columns.length ?? 1) - 1, toIndex));
  if (from < 0 || from === to) return schema;
  return updateTable(schema, tableId, (t) => {
    const columns = t.columns.filter((c) => c.id !== columnId);
    columns.splice(to, 0, t.columns[from]!);
    return { ...t, columns };
  });
}

/** Changes some fields of a column (name, type, flags, default); a column made part of the primary key becomes NOT NULL. */
export function updateColumn(schema: Schema, tableId: TableId, columnId: ColumnId, patch: Partial<Omit<Column, 'id'>>): Schema {
  const ruled = patch.isPrimaryKey === true ? { ...patch, isNotNull: true } : patch;
  return updateTable(schema, tableId, (t) => ({
    ...t,
    columns: t.columns.map((c) => (c.id === columnId ? { ...c, ...ruled } : c)),
  }));
}

/** A table without some columns, and without the indexes that used them (as PostgreSQL drops them with the column). */
export function withoutColumns(table: Table, columnIds: ReadonlySet<ColumnId>): Table {
  const without: Table = {
    ...table,
    columns: table.columns.filter((c) => !columnIds.has(c.id)),
    indexes: table.indexes.some((i) => i.columnIds.some((id) => columnIds.has(id)))
      ? table.indexes.filter((i) => !i.columnIds.some((id) => columnIds.has(id)))
      : table.indexes,
  };
  const keyOrder = table.primaryKeyColumnIds;
  if (!keyOrder?.some((id) => columnIds.has(id))) return without;
  const kept = keyOrder.filter((id) => !columnIds.has(id));
  if (kept.length > 0) without.primaryKeyColumnIds = kept;
  else delete without.primaryKeyColumnIds;
  return without;
}

/** A new CHECK with a fresh id: unnamed (the generator names it) and always true until the user writes one. */
export function makeCheck(fields: Partial<Omit<CheckConstraint, 'id'>> = {}): CheckConstraint {
  return { id: newId('chk'), name: '', expression: 'true', ...fields };
}

/** A new index with a fresh id on the given columns: unnamed (the generator names it), not unique. */
export function makeIndex(columnIds: ColumnId[], fields: Partial<Omit<TableIndex, 'id' | 'columnIds'>> = {}): TableIndex {
  return { id: newId('idx'), name: '', columnIds, isUnique: false, ...fields };
}

/** Changes a table's own fields: schema (namespace), comment, checks, indexes. */
export function updateTableFields(
  schema: Schema,
  tableId: TableId,
  patch: Partial<Pick<Table, 'schemaName' | 'comment' | 'checks' | 'indexes'>>,
): Schema {
  return updateTable(schema, tableId, (t) => ({ ...t, ...patch }));
}
