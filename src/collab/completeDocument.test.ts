import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateDdl } from '../ddl/generateDdl.ts';
import { addTable, connect, emptySchema } from '../model/index.ts';
import { ends } from '../testing/factories.ts';
import { completeDocument } from './completeDocument.ts';
import { readDocumentChange, readDocumentState, type DocumentState } from './documentState.ts';
import { writeDocument } from './writeDocument.ts';
import { roots } from './yShape.ts';

/** A room with two related tables, as a peer reads it incrementally. */
function room() {
  const customers = addTable(emptySchema, 'customers');
  const orders = addTable(customers.schema, 'orders');
  const { schema } = connect(orders.schema, customers.tableId, orders.tableId, { from: ends.exactlyOne, to: ends.zeroOrMany });
  const ydoc = new Y.Doc();
  writeDocument(ydoc, { schema, layout: {} });
  const seen = { state: readDocumentState(ydoc) as DocumentState };
  ydoc.on('afterTransaction', (tr: Y.Transaction) => (seen.state = readDocumentChange(ydoc, seen.state, tr.changed)));
  return { ydoc, seen, tableId: orders.tableId, relationshipId: schema.relationships[0]!.id };
}

describe('completeDocument', () => {
  it('fills the fields a room damaged before the gate checked them lacks, the same on a full and an incremental read', () => {
    const { ydoc, seen, tableId, relationshipId } = room();
    ydoc.transact(() => {
      const table = roots(ydoc).tables.byId.get(tableId) as Y.Map<unknown>;
      table.delete('schemaName');
      table.delete('comment');
      for (const column of (table.get('columns') as Y.Map<Y.Map<unknown>>).values()) {
        column.delete('comment');
        column.delete('identity');
      }
      const relationship = roots(ydoc).relationships.byId.get(relationshipId) as Y.Map<unknown>;
      relationship.delete('junction');
      relationship.delete('isDeferrable');
    });
    const full = readDocumentState(ydoc).document;
    expect(seen.state.document).toEqual(full);
    const table = full.schema.tables.find((t) => t.id === tableId)!;
    expect([table.schemaName, table.comment, table.columns[0]!.comment, table.columns[0]!.identity]).toEqual(['public', '', '', null]);
    expect(full.schema.relationships[0]).toMatchObject({ isDeferrable: false, junction: { name: '', columns: [] } });
    expect(() => generateDdl(full.schema)).not.toThrow();
  });

  it('drops a relationship stored without its ends, the same on a full and an incremental read', () => {
    const { ydoc, seen, relationshipId } = room();
    (roots(ydoc).relationships.byId.get(relationshipId) as Y.Map<unknown>).set('shape', { keyHolder: 'from' });
    expect(readDocumentState(ydoc).document.schema.relationships).toEqual([]);
    expect(seen.state.document).toEqual(readDocumentState(ydoc).document);
  });

  it('gives back the very document when nothing is missing', () => {
    const { seen } = room();
    expect(completeDocument(seen.state.raw)).toBe(seen.state.raw);
  });
});
