import { describe, expect, it } from 'vitest';
import type { TableId } from '../model/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { createEditorStore } from './editorStore.ts';

const loaded = () => {
  const store = createEditorStore();
  store.getState().loadDocument(exampleDocument());
  return store;
};

const authors = 'tbl_authors' as TableId;
const move = (x: number, dragging: boolean) => [{ type: 'position' as const, id: authors, position: { x, y: 0 }, dragging }];

/** How many times the store told its subscribers it changed while `act` ran. */
function updatesDuring(store: ReturnType<typeof createEditorStore>, act: () => void): number {
  let updates = 0;
  const unsubscribe = store.subscribe(() => updates++);
  act();
  unsubscribe();
  return updates;
}

describe('undo policy declared per action', () => {
  it('a drag records once, when it ends, and its moves on the way leave the history alone', () => {
    const store = loaded();
    const before = store.getState().document;
    store.getState().renameTable(authors, 'writers');
    const lastMergeKey = store.getState().lastMergeKey;
    for (const x of [10, 20, 30]) store.getState().handleNodesChange(move(x, true));
    expect(store.getState()).toMatchObject({ undoDepth: 1, redoDepth: 0 });
    expect(store.getState().lastMergeKey).toBe(lastMergeKey);
    expect(store.getState().dragStartDocument?.schema.tables[0]!.name).toBe('writers');
    store.getState().handleNodesChange(move(40, false));
    expect(store.getState().undoDepth).toBe(2);
    expect(store.getState().dragStartDocument).toBeNull();
    store.getState().undo();
    expect(store.getState().document.layout[authors]).toEqual(before.layout[authors]);
    expect(store.getState().document.schema.tables[0]!.name).toBe('writers');
  });

  it('typing merges by key: one step per field, a new step for another field or after a selection', () => {
    const store = loaded();
    for (const name of ['w', 'wr', 'writers']) store.getState().renameTable(authors, name);
    expect(store.getState().undoDepth).toBe(1);
    for (const name of ['b', 'bo']) store.getState().renameTable('tbl_books' as TableId, name);
    expect(store.getState().undoDepth).toBe(2);
    store.getState().select({ kind: 'table', id: 'tbl_books' as TableId });
    store.getState().renameTable('tbl_books' as TableId, 'bok');
    expect(store.getState().undoDepth).toBe(3);
    store.getState().undo();
    expect(store.getState().document.schema.tables.find((t) => t.id === 'tbl_books')!.name).toBe('bo');
  });

  it('an edit declared "ignore" changes the document and leaves the undo stack as it was', () => {
    const store = loaded();
    store.getState().renameTable(authors, 'writers');
    store.getState().undo();
    store.getState().editSchema((s) => ({ ...s, enums: [] }), 'ignore');
    store.getState().editNotes(() => [], 'ignore');
    expect(store.getState()).toMatchObject({ undoDepth: 0, redoDepth: 1 });
  });

  it('actions outside the document never touch its history', () => {
    const store = loaded();
    store.getState().renameTable(authors, 'writers');
    const { undoDepth, redoDepth } = store.getState();
    store.getState().openDialog({ kind: 'palette' });
    store.getState().closeDialog();
    store.getState().setTheme('dark');
    store.getState().setPanelSizes({ sidebarWidth: 500 });
    store.getState().setDdlOptions({ ifNotExists: true });
    store.getState().showTab('ddl');
    store.getState().setConsoleSql('SELECT 1');
    store.getState().selectTables([authors]);
    store.getState().copySelection();
    store.getState().toggleSnapToGrid();
    store.getState().setProofState({ proofStatus: 'running' });
    expect(store.getState()).toMatchObject({ undoDepth, redoDepth });
  });

  it('each action is one store update, including those that edit and select', () => {
    const store = loaded();
    const state = () => store.getState();
    const [first, second] = state().document.schema.tables;
    const actions: [string, () => void][] = [
      ['addTable', () => state().addTable({ x: 900, y: 900 })],
      ['connectTables', () => state().connectTables(first!.id, second!.id)],
      ['deleteRelationship', () => state().deleteRelationship(state().document.schema.relationships[0]!.id)],
      ['showProof', () => state().showProof(state().document.schema.relationships[0]!.id)],
      ['selectTables', () => state().selectTables([first!.id, second!.id])],
      ['copySelection', () => state().copySelection()],
      ['paste', () => state().paste()],
      ['duplicateSelection', () => state().duplicateSelection()],
      ['deleteSelection', () => state().deleteSelection()],
      ['deleteTable', () => state().deleteTable(first!.id)],
      [
        'handleNodesChange: select and move',
        () =>
          state().handleNodesChange([
            { type: 'select', id: second!.id, selected: true },
            { type: 'position', id: second!.id, position: { x: 7, y: 7 }, dragging: false },
          ]),
      ],
      ['moveTables', () => state().moveTables({ [second!.id]: { x: 70, y: 70 } })],
      ['addNote', () => state().addNote({ x: 0, y: 0 })],
      ['undo', () => state().undo()],
      ['redo', () => state().redo()],
      ['openImport', () => state().openImport()],
      ['closeDialog', () => state().closeDialog()],
    ];
    const counts = actions.map(([name, act]) => [name, updatesDuring(store, act)]);
    expect(counts).toEqual(actions.map(([name]) => [name, 1]));
  });
});
