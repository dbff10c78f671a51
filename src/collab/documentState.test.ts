import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTable, editColumn, emptySchema, type ErdDocument } from '../model/index.ts';
import { commitLocalChange, readDocumentChange, readDocumentState, type DocumentState } from './documentState.ts';
import { writeDocument } from './writeDocument.ts';

const start: ErdDocument = (() => {
  let schema = emptySchema;
  for (const name of ['customers', 'orders', 'products']) schema = addTable(schema, name).schema;
  return { schema, layout: Object.fromEntries(schema.tables.map((t, i) => [t.id, { x: i * 300, y: 0 }])), notes: [] };
})();

/** Two peers on one document, the second reading every transaction incrementally as the store would. */
function peers() {
  const mine = new Y.Doc();
  writeDocument(mine, start);
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
  mine.on('update', (update: Uint8Array) => Y.applyUpdate(theirs, update));
  const seen = { state: readDocumentState(theirs) as DocumentState };
  theirs.on('afterTransaction', (tr: Y.Transaction) => (seen.state = readDocumentChange(theirs, seen.state, tr.changed)));
  return { mine, mineState: readDocumentState(mine), seen };
}

describe('document state', () => {
  it('keeps a local edit as the very object the store made', () => {
    const { mine, mineState } = peers();
    const orders = mineState.document.schema.tables[1]!;
    const after = {
      ...mineState.document,
      schema: editColumn(mineState.document.schema, orders.id, orders.columns[0]!.id, { name: 'order_id' }),
    };
    expect(commitLocalChange(mine, mineState, after, 'me').document).toBe(after);
  });

  it('makes one new table for a remote edit of one column, keeping every other object', () => {
    const { mine, mineState, seen } = peers();
    const before = seen.state.document;
    const orders = mineState.document.schema.tables[1]!;
    commitLocalChange(
      mine,
      mineState,
      { ...mineState.document, schema: editColumn(mineState.document.schema, orders.id, orders.columns[0]!.id, { type: 'bigint' }) },
      'me',
    );
    const after = seen.state.document;
    expect(after.schema.tables[1]!.columns[0]!.type).toBe('bigint');
    expect(after.schema.tables.map((t, i) => t === before.schema.tables[i])).toEqual([true, false, true]);
    expect(after.schema.tables[1]!.checks).toBe(before.schema.tables[1]!.checks);
    expect(after.layout).toBe(before.layout);
    expect(after.notes).toBe(before.notes);
    expect(after.schema.relationships).toBe(before.schema.relationships);
  });

  it('makes a new layout but keeps the schema for a remote drag', () => {
    const { mine, mineState, seen } = peers();
    const before = seen.state.document;
    const moved = mineState.document.schema.tables[0]!.id;
    commitLocalChange(mine, mineState, { ...mineState.document, layout: { ...mineState.document.layout, [moved]: { x: 5, y: 6 } } }, 'me');
    expect(seen.state.document.schema).toBe(before.schema);
    expect(seen.state.document.layout[moved]).toEqual({ x: 5, y: 6 });
  });
});
