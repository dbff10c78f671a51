import { describe, expect, it } from 'vitest';
import { addTable, connect, editColumn, emptySchema, type Schema } from '../model/index.ts';
import { ends } from '../testing/factories.ts';
import { isStillWhole } from './changedScope.ts';

const connected = (() => {
  const customers = addTable(emptySchema, 'customers');
  const orders = addTable(customers.schema, 'orders');
  const { schema } = connect(orders.schema, customers.tableId, orders.tableId, { from: ends.exactlyOne, to: ends.zeroOrMany });
  return { schema, customers: customers.tableId, orders: orders.tableId };
})();

describe('isStillWhole', () => {
  it('passes a change that keeps the invariants, and the same schema', () => {
    const { schema, orders } = connected;
    const table = schema.tables[1]!;
    expect(isStillWhole(schema, schema)).toBe(true);
    expect(isStillWhole(schema, editColumn(schema, orders, table.columns[0]!.id, { name: 'order_no' }))).toBe(true);
  });

  it('finds a relationship left on a table that went, though the relationship itself did not change', () => {
    const { schema, orders } = connected;
    const merged: Schema = { ...schema, tables: schema.tables.filter((t) => t.id !== orders) };
    expect(isStillWhole(schema, merged)).toBe(false);
  });

  it('finds a key column whose parent key changed type in a table the relationship does not hold', () => {
    const { schema, customers } = connected;
    const key = schema.tables[0]!.columns[0]!;
    const retyped: Schema = {
      ...schema,
      tables: schema.tables.map((t) =>
        t.id === customers ? { ...t, columns: t.columns.map((c) => (c.id === key.id ? { ...c, type: 'uuid' } : c)) } : t,
      ),
    };
    expect(isStillWhole(schema, retyped)).toBe(false);
  });
});
