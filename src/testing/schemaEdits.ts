import fc from 'fast-check';
import {
  addColumn,
  addTable,
  connect,
  copyFragment,
  deleteColumn,
  deleteRelationship,
  deleteTable,
  editColumn,
  makeIndex,
  pasteFragment,
  renameTable,
  setEnd,
  setForeignKeyColumns,
  setIdentifying,
  setKeyHolder,
  setOneToOneStrategy,
  updateRelationship,
  updateTableFields,
  childSide,
  otherSide,
  type Cardinality,
  type ColumnId,
  type EndSide,
  type Schema,
  type TableId,
} from '../model/index.ts';

/*
 * Random editor edits, shared by the model's invariant property test and the collaboration
 * convergence test (each person's edits there are drawn from the same list).
 */

const endArb = fc.constantFrom<Cardinality>({ min: 1, max: 1 }, { min: 0, max: 1 }, { min: 1, max: 'many' }, { min: 0, max: 'many' });
const sideArb = fc.constantFrom<EndSide>('from', 'to');
const tableNameArb = fc.constantFrom('authors', 'books', 'tags', 'people', 'orders');
const columnNameArb = fc.constantFrom('title', 'code', 'price', 'note');
const typeArb = fc.constantFrom('integer', 'bigint', 'text', 'uuid', 'varchar(20)');
const at = fc.nat(20);
const picks = fc.array(fc.nat(20), { maxLength: 3 });

/** One edit a person can make, naming tables, columns and relationships by position (taken modulo what exists). */
export const editArb = fc.oneof(
  fc.record({ kind: fc.constant('addTable' as const), name: tableNameArb }),
  fc.record({ kind: fc.constant('addColumn' as const), table: at, name: columnNameArb, type: typeArb }),
  fc.record({ kind: fc.constant('connect' as const), from: at, to: at, fromEnd: endArb, toEnd: endArb }),
  fc.record({ kind: fc.constant('setEnd' as const), rel: at, side: sideArb, end: endArb }),
  fc.record({ kind: fc.constant('strategy' as const), rel: at, shared: fc.boolean() }),
  fc.record({ kind: fc.constant('keyHolder' as const), rel: at, side: sideArb }),
  fc.record({ kind: fc.constant('identifying' as const), rel: at, on: fc.boolean() }),
  fc.record({ kind: fc.constant('primaryKey' as const), table: at, column: at, on: fc.boolean() }),
  fc.record({ kind: fc.constant('keyOrder' as const), table: at }),
  fc.record({ kind: fc.constant('columnType' as const), table: at, column: at, type: typeArb }),
  fc.record({ kind: fc.constant('renameColumn' as const), table: at, column: at, name: columnNameArb }),
  fc.record({ kind: fc.constant('renameTable' as const), table: at, name: tableNameArb }),
  fc.record({ kind: fc.constant('deleteTable' as const), table: at }),
  fc.record({ kind: fc.constant('deleteColumn' as const), table: at, column: at }),
  fc.record({ kind: fc.constant('deleteRelationship' as const), rel: at }),
  fc.record({ kind: fc.constant('pointKey' as const), rel: at, columns: picks }),
  fc.record({ kind: fc.constant('addIndex' as const), table: at, columns: picks }),
  fc.record({ kind: fc.constant('junction' as const), rel: at, name: fc.constantFrom('', 'authorship') }),
  fc.record({ kind: fc.constant('paste' as const), tables: picks }),
);
export type Edit = typeof editArb extends fc.Arbitrary<infer E> ? E : never;

const pick = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);
const pickIds = <T extends string>(items: readonly { id: T }[], at: readonly number[]): T[] => [
  ...new Set(at.flatMap((i) => pick(items, i)?.id ?? [])),
];

/** Applies one edit; returns the new schema, whether new columns are the person's own, and the columns the person touched. */
export function apply(schema: Schema, edit: Edit): { schema: Schema; isOwnColumn?: boolean; touched?: ColumnId | ColumnId[] } {
  const rel = 'rel' in edit ? pick(schema.relationships, edit.rel) : undefined;
  const table = 'table' in edit ? pick(schema.tables, edit.table) : undefined;
  const column = table && 'column' in edit ? pick(table.columns, edit.column) : undefined;
  switch (edit.kind) {
    case 'addTable':
      return { schema: addTable(schema, edit.name).schema, isOwnColumn: true };
    case 'addColumn':
      return table ? { schema: addColumn(schema, table.id, { name: edit.name, type: edit.type }).schema, isOwnColumn: true } : { schema };
    case 'connect': {
      const from = pick(schema.tables, edit.from);
      const to = pick(schema.tables, edit.to);
      return from && to ? { schema: connect(schema, from.id, to.id, { from: edit.fromEnd, to: edit.toEnd }).schema } : { schema };
    }
    case 'setEnd':
      return rel ? { schema: setEnd(schema, rel.id, edit.side, edit.end) } : { schema };
    case 'strategy':
      return rel ? { schema: setOneToOneStrategy(schema, rel.id, edit.shared ? 'sharedPrimaryKey' : 'foreignKeyUnique') } : { schema };
    case 'keyHolder':
      return rel ? { schema: setKeyHolder(schema, rel.id, edit.side) } : { schema };
    case 'identifying':
      return rel ? { schema: setIdentifying(schema, rel.id, edit.on) } : { schema };
    case 'primaryKey':
      return table && column
        ? { schema: editColumn(schema, table.id, column.id, { isPrimaryKey: edit.on }), touched: column.id }
        : { schema };
    case 'keyOrder': {
      // The key's columns in reverse order, as an import of PRIMARY KEY (b, a) records it.
      const keyIds = table?.columns.filter((c) => c.isPrimaryKey).map((c) => c.id) ?? [];
      if (!table || keyIds.length === 0) return { schema };
      const ordered = { ...table, primaryKeyColumnIds: keyIds.reverse() };
      return { schema: { ...schema, tables: schema.tables.map((t) => (t.id === table.id ? ordered : t)) } };
    }
    case 'columnType':
      return table && column ? { schema: editColumn(schema, table.id, column.id, { type: edit.type }), touched: column.id } : { schema };
    case 'renameColumn':
      // Renaming a key column the key names come from (authors.id for author_id) does the same as renaming its table.
      return table && column
        ? {
            schema: editColumn(schema, table.id, column.id, { name: edit.name }),
            touched: [column.id, ...(column.isPrimaryKey ? keyColumnsReferring(schema, table.id) : [])],
          }
        : { schema };
    case 'renameTable':
      // The model knows a generated key column by its conventional name (author_id for authors.id): once the
      // parent is renamed, the keys pointing at it read as columns the person made, and are kept as such.
      return table ? { schema: renameTable(schema, table.id, edit.name), touched: keyColumnsReferring(schema, table.id) } : { schema };
    case 'deleteTable':
      return table ? { schema: deleteTable(schema, table.id) } : { schema };
    case 'deleteColumn':
      return table && column ? { schema: deleteColumn(schema, table.id, column.id) } : { schema };
    case 'deleteRelationship':
      return rel ? { schema: deleteRelationship(schema, rel.id) } : { schema };
    case 'pointKey': {
      const child = rel && schema.tables.find((t) => t.id === rel[childSide(rel)].tableId);
      if (!rel || !child) return { schema };
      return { schema: setForeignKeyColumns(schema, rel.id, pickIds(child.columns, edit.columns)) };
    }
    case 'addIndex': {
      if (!table) return { schema };
      const columnIds = pickIds(table.columns, edit.columns);
      return columnIds.length > 0
        ? { schema: updateTableFields(schema, table.id, { indexes: [...table.indexes, makeIndex(columnIds)] }) }
        : { schema };
    }
    case 'junction':
      return rel ? { schema: updateRelationship(schema, rel.id, { junction: { ...rel.junction, name: edit.name } }) } : { schema };
    case 'paste': {
      const tableIds = pickIds(schema.tables, edit.tables);
      if (tableIds.length === 0) return { schema };
      const fragment = copyFragment(schema, {}, tableIds);
      return { schema: pasteFragment(schema, {}, fragment, { x: 40, y: 40 }).schema, isOwnColumn: true };
    }
  }
}

const keyColumnsReferring = (schema: Schema, tableId: TableId): ColumnId[] =>
  schema.relationships.filter((r) => r[otherSide(childSide(r))].tableId === tableId).flatMap((r) => r.foreignKeyColumnIds);
