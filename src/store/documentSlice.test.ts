import { describe, expect, it } from 'vitest';
import type { TableId } from '../model/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { createEditorStore } from './editorStore.ts';

const loaded = () => {
  const store = createEditorStore();
  store.getState().loadDocument(exampleDocument());
  return store;
};

describe('the document slice: moving tables', () => {
  it('moving many tables at once (automatic layout) is one undo step that restores every position', () => {
    const store = loaded();
    const before = store.getState().document;
    const arranged = Object.fromEntries(before.schema.tables.map((t, i) => [t.id, { x: i * 300, y: 0 }]));
    store.getState().moveTables(arranged);
    expect(store.getState().document.layout).toEqual(arranged);
    expect(store.getState().document.schema).toBe(before.schema);
    expect(store.getState().nodes.map((n) => n.position)).toEqual(Object.values(arranged));
    expect(store.getState().undoDepth).toBe(1);
    store.getState().undo();
    expect(store.getState().document.layout).toEqual(before.layout);
    expect(store.getState().nodes.map((n) => n.position)).toEqual(before.schema.tables.map((t) => before.layout[t.id]));
    store.getState().redo();
    expect(store.getState().document.layout).toEqual(arranged);
  });

  it('moving tables to where they already are, or tables that are gone, changes nothing', () => {
    const store = loaded();
    const { layout } = store.getState().document;
    store.getState().moveTables({ ...layout, ['tbl_gone' as TableId]: { x: 1, y: 1 } });
    expect(store.getState().undoDepth).toBe(0);
    expect(store.getState().document.layout).toBe(layout);
  });
});
