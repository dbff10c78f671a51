import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../testing/example.ts';
import { createEditorStore } from './editorStore.ts';

describe('a document opened read-only', () => {
  it('refuses every edit and every move until another document is loaded', () => {
    const store = createEditorStore();
    const document = exampleDocument();
    store.getState().loadDocument(document, 'made by a newer version of the editor: opened read-only');
    const [first] = document.schema.tables;
    store.getState().addTable({ x: 0, y: 0 });
    store.getState().renameTable(first!.id, 'renamed');
    store.getState().handleNodesChange([{ type: 'position', id: first!.id, position: { x: 999, y: 999 }, dragging: false }]);
    store.getState().addNote({ x: 0, y: 0 });
    expect(store.getState().document).toBe(document);
    expect(store.getState().undoDepth).toBe(0);

    store.getState().loadDocument(document);
    expect(store.getState().readOnlyReason).toBeNull();
    store.getState().renameTable(first!.id, 'renamed');
    expect(store.getState().document.schema.tables[0]!.name).toBe('renamed');
  });
});
