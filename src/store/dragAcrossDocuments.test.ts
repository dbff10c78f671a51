import { describe, expect, it } from 'vitest';
import { addTable, emptySchema, type ErdDocument, type TableId } from '../model/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { createEditorStore } from './editorStore.ts';

/** A document with one table, `other`, at the origin. */
function otherDocument(): { document: ErdDocument; tableId: TableId } {
  const added = addTable(emptySchema, 'other');
  return { document: { schema: added.schema, layout: { [added.tableId]: { x: 0, y: 0 } } }, tableId: added.tableId };
}

const drag = (id: string, x: number, dragging: boolean) => [{ type: 'position' as const, id, position: { x, y: 0 }, dragging }];

describe('a drag that outlives its document', () => {
  it('loading another document mid-drag: ending the drag records only the new document', () => {
    const store = createEditorStore();
    store.getState().loadDocument(exampleDocument());
    store.getState().handleNodesChange(drag('tbl_authors', 70, true));
    const other = otherDocument();
    store.getState().loadDocument(other.document);
    expect(store.getState().dragStartDocument).toBeNull();
    store.getState().handleNodesChange(drag(other.tableId, 50, true));
    store.getState().handleNodesChange(drag(other.tableId, 60, false));
    expect(store.getState().document.layout[other.tableId]).toEqual({ x: 60, y: 0 });
    store.getState().undo();
    expect(store.getState().document.schema.tables.map((t) => t.name)).toEqual(['other']);
    expect(store.getState().document.layout[other.tableId]).toEqual({ x: 0, y: 0 });
    store.getState().undo();
    expect(store.getState().document.schema.tables.map((t) => t.name)).toEqual(['other']);
  });

  it('undo mid-drag: ending the drag never brings back the document from before the undo', () => {
    const store = createEditorStore();
    store.getState().loadDocument({ schema: emptySchema, layout: {} });
    const a = store.getState().addTable({ x: 0, y: 0 });
    const b = store.getState().addTable({ x: 400, y: 0 });
    store.getState().handleNodesChange(drag(a, 70, true));
    store.getState().undo();
    expect(store.getState().document.schema.tables.map((t) => t.id)).toEqual([a]);
    store.getState().handleNodesChange(drag(a, 80, true));
    store.getState().handleNodesChange(drag(a, 90, false));
    store.getState().undo();
    expect(store.getState().document.schema.tables.map((t) => t.id)).toEqual([a]);
    expect(store.getState().document.schema.tables.some((t) => t.id === b)).toBe(false);
  });
});
