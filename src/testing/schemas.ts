import { addColumn, connect, editColumn, emptySchema, type Cardinality, type Schema, type TableId } from '../model/index.ts';
import { tableOf, withTable } from './factories.ts';

/** A table whose primary key is (code char(2), n integer): for composite-key tests. */
export function withCompositeKeyTable(
  schema: Schema,
  name: string,
  ...extra: { name: string; type: string }[]
): { schema: Schema; tableId: TableId } {
  const { schema: added, tableId } = withTable(schema, name);
  const id = tableOf(added, tableId).columns[0]!;
  let next = editColumn(added, tableId, id.id, { name: 'code', type: 'char(2)' });
  next = addColumn(next, tableId, { name: 'n', type: 'integer', isPrimaryKey: true, isNotNull: true }).schema;
  for (const column of extra) next = addColumn(next, tableId, column).schema;
  return { schema: next, tableId };
}

/** A self-referencing table (`employees` with `manager_id`, `people` with `spouse_id`). */
export function selfReferencing(name: string, keyName: string, from: Cardinality, to: Cardinality): { schema: Schema; tableId: TableId } {
  const { schema, tableId } = withTable(emptySchema, name);
  const connected = connect(schema, tableId, tableId, { from, to }).schema;
  const key = tableOf(connected, tableId).columns.at(-1)!;
  return { schema: editColumn(connected, tableId, key.id, { name: keyName }), tableId };
}
