import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addColumn,
  addTable,
  connect,
  deleteColumn,
  deleteTable,
  editColumn,
  emptySchema,
  makeIndex,
  updateTableFields,
  type ErdDocument,
  type Schema,
} from '../model/index.ts';
import { ends } from '../testing/factories.ts';
import { readDocumentChange, readDocumentState, type DocumentState } from './documentState.ts';
import { repairDocument } from './repairDocument.ts';
import { applyDocumentChange, writeDocument } from './writeDocument.ts';

const customersAndOrders = (() => {
  const customers = addTable(emptySchema, 'customers');
  const orders = addTable(customers.schema, 'orders');
  return { schema: orders.schema, customers: customers.tableId, orders: orders.tableId };
})();
const asDocument = (schema: Schema): ErdDocument => ({
  schema,
  layout: Object.fromEntries(schema.tables.map((t) => [t.id, { x: 0, y: 0 }])),
});

/** Two peers start from one document, each edits alone, then they exchange their updates. */
function merge(start: Schema, editA: (s: Schema) => Schema, editB: (s: Schema) => Schema) {
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  writeDocument(docs[0], asDocument(start));
  Y.applyUpdate(docs[1], Y.encodeStateAsUpdate(docs[0]));
  const states: DocumentState[] = docs.map((d) => readDocumentState(d));
  docs.forEach((d, i) => d.on('afterTransaction', (tr: Y.Transaction) => (states[i] = readDocumentChange(d, states[i]!, tr.changed))));
  [editA, editB].forEach((edit, i) => {
    const before = states[i]!.document;
    applyDocumentChange(docs[i]!, before, { ...before, schema: edit(before.schema) });
  });
  const [fromA, fromB] = docs.map((d) => Y.encodeStateAsUpdate(d));
  Y.applyUpdate(docs[1], fromA!);
  Y.applyUpdate(docs[0], fromB!);
  return states;
}

describe('repairDocument after concurrent edits', () => {
  it('removes a relationship to a table someone else deleted, identically on both peers, and says so in words', () => {
    const { schema, customers, orders } = customersAndOrders;
    const [a, b] = merge(
      schema,
      (s) => deleteTable(s, orders),
      (s) => connect(s, customers, orders, { from: ends.exactlyOne, to: ends.zeroOrMany }).schema,
    );
    expect(a!.document).toStrictEqual(b!.document);
    expect(a!.document.schema.relationships).toEqual([]);
    expect(a!.newlyDropped).toEqual(['the relationship customers -> (deleted table) was removed: one of its tables was deleted']);
    expect(b!.newlyDropped).toEqual(['the relationship customers -> orders was removed: its table orders was deleted']);
  });

  it('removes an index on a column someone else deleted', () => {
    const { orders } = customersAndOrders;
    const withColumn = addColumn(customersAndOrders.schema, orders, { name: 'placed_at', type: 'date' });
    const [a, b] = merge(
      withColumn.schema,
      (s) => deleteColumn(s, orders, withColumn.columnId),
      (s) => updateTableFields(s, orders, { indexes: [makeIndex([withColumn.columnId])] }),
    );
    expect(a!.document).toStrictEqual(b!.document);
    expect(a!.document.schema.tables[1]!.indexes).toEqual([]);
    expect(a!.newlyDropped).toEqual(['the index without a name of orders was removed: a column it covered was deleted']);
  });

  it("gives a new key column the type someone else gave the parent's key", () => {
    const { schema, customers, orders } = customersAndOrders;
    const key = schema.tables[0]!.columns[0]!;
    const [a, b] = merge(
      schema,
      (s) => editColumn(s, customers, key.id, { type: 'uuid' }),
      (s) => connect(s, customers, orders, { from: ends.exactlyOne, to: ends.zeroOrMany }).schema,
    );
    expect(a!.document).toStrictEqual(b!.document);
    expect(a!.document.schema.relationships).toHaveLength(1);
    expect(a!.document.schema.tables[1]!.columns.at(-1)!.type).toBe('uuid');
    expect(a!.newlyDropped).toEqual(['orders.customer_id became uuid to match customers.id (changed at the same time)']);
  });

  it('gives back the same document object when nothing needs repair', () => {
    const document = asDocument(customersAndOrders.schema);
    expect(repairDocument(document)).toEqual({ document, dropped: [] });
    expect(repairDocument(document).document).toBe(document);
  });
});
