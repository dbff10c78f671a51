import { describe, expect, it } from 'vitest';
import type { TableId } from '../model/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { createEditorStore } from './editorStore.ts';

const loaded = () => {
  const store = createEditorStore();
  store.getState().loadDocument(exampleDocument());
  return store;
};

describe('view state', () => {
  it('snap to grid and the search highlight are remembered but never undone', () => {
    const store = loaded();
    store.getState().toggleSnapToGrid();
    store.getState().setSearchHit({ tableId: 'tbl_books' as TableId, columnId: null });
    expect(store.getState()).toMatchObject({ isSnapToGrid: true, searchHit: { tableId: 'tbl_books', columnId: null } });
    expect(store.getState().undoDepth).toBe(0);
    store.getState().toggleSnapToGrid();
    expect(store.getState().isSnapToGrid).toBe(false);
  });
});
