import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addColumn,
  addTable,
  checkInvariants,
  connect,
  copyFragment,
  deleteColumn,
  deleteRelationship,
  deleteTable,
  editColumn,
  emptySchema,
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
} from './index.ts';
import { propertyRuns, propertyTimeout } from '../testing/propertyRuns.ts';

/** PROPERTY_RUNS=2000 for a long run; each run is up to 40 edits, a few ms in all (20 ms allowed). */
const runs = propertyRuns(200);

const endArb = fc.constantFrom<Cardinality>({ min: 1, max: 1 }, { min: 0, max: 1 }, { min: 1, max: 'many' }, { min: 0, max: 'many' });
const sideArb = fc.constantFrom<EndSide>('from', 'to');
const tableNameArb = fc.constantFrom('authors', 'books', 'tags', 'people', 'orders');
const columnNameArb = fc.constantFrom('title', 'code', 'price', 'note');
const typeArb = fc.constantFrom('integer', 'bigint', 'text', 'uuid', 'varchar(20)');
const at = fc.nat(20);
const picks = fc.array(fc.nat(20), { maxLength: 3 });

/** One edit a person can make, naming tables, columns and relationships by position (taken modulo what exists). */
const editArb = fc.oneof(
  fc.record({ kind: fc.constant('addTable' as const), name: tableNameArb }),
  fc.record({ kind: fc.constant('addColumn' as const), table: at, name: columnNameArb, type: typeArb }),
  fc.record({ kind: fc.constant('connect' as const), from: at, to: at, fromEnd: endArb, toEnd: endArb }),
  fc.record({ kind: fc.constant('setEnd' as const), rel: at, side: sideArb, end: endArb }),
  fc.record({ kind: fc.constant('strategy' as const), rel: at, shared: fc.boolean() }),
  fc.record({ kind: fc.constant('keyHolder' as const), rel: at, side: sideArb }),
  fc.record({ kind: fc.constant('identifying' as const), rel: at, on: fc.boolean() }),
  fc.record({ kind: fc.constant('primaryKey' as const), table: at, column: at, on: fc.boolean() }),
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
type Edit = typeof editArb extends fc.Arbitrary<infer E> ? E : never;

/** The schema and the key columns edits generated that the person has not touched since. */
interface State {
  schema: Schema;
  generated: Set<ColumnId>;
}

const pick = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);
const pickIds = <T extends string>(items: readonly { id: T }[], at: readonly number[]): T[] => [
  ...new Set(at.flatMap((i) => pick(items, i)?.id ?? [])),
];

/** Applies one edit; returns the new schema, whether new columns are the person's own, and the columns the person touched. */
function apply(schema: Schema, edit: Edit): { schema: Schema; isOwnColumn?: boolean; touched?: ColumnId | ColumnId[] } {
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

const columnIdsOf = (schema: Schema) => new Set(schema.tables.flatMap((t) => t.columns.map((c) => c.id)));

/** One step: the edit, then the generated-column bookkeeping the orphan check needs. */
function step(state: State, edit: Edit): State {
  const before = columnIdsOf(state.schema);
  const applied = apply(state.schema, edit);
  const touched = new Set([applied.touched ?? []].flat());
  const generated = new Set([...state.generated].filter((id) => !touched.has(id)));
  if (!applied.isOwnColumn) for (const id of columnIdsOf(applied.schema)) if (!before.has(id)) generated.add(id);
  return { schema: applied.schema, generated };
}

describe('model invariants over random edit sequences', () => {
  it(
    'hold after every step',
    () => {
      fc.assert(
        fc.property(fc.array(editArb, { minLength: 1, maxLength: 40 }), (edits) => {
          let state: State = { schema: addTable(addTable(emptySchema, 'authors').schema, 'books').schema, generated: new Set() };
          edits.forEach((edit, i) => {
            state = step(state, edit);
            expect(
              checkInvariants(state.schema, { generatedColumnIds: state.generated }),
              `after step ${i + 1}: ${JSON.stringify(edit)}`,
            ).toEqual([]);
          });
        }),
        { numRuns: runs },
      );
    },
    propertyTimeout(runs, 20),
  );
});
