import { describe, expect, it } from 'vitest';
import { emptySchema, relationshipKind, type TableId } from '../model/index.ts';
import { ends } from '../testing/factories.ts';
import { exampleDocument } from '../testing/example.ts';
import { createEditorStore } from './editorStore.ts';
import { selectDdl, selectIsProofCurrent, selectRelationshipVerdict } from './selectors.ts';

const freshStore = () => {
  const store = createEditorStore();
  store.getState().loadDocument({ schema: emptySchema, layout: {} });
  return store;
};

describe('editor store', () => {
  it('adds, connects and edits tables through actions, nodes following in the same update', () => {
    const store = freshStore();
    const a = store.getState().addTable({ x: 0, y: 0 });
    const b = store.getState().addTable({ x: 400, y: 0 });
    expect(store.getState().nodes.map((n) => [n.id, n.position])).toEqual([
      [a, { x: 0, y: 0 }],
      [b, { x: 400, y: 0 }],
    ]);
    const rel = store.getState().connectTables(a, b);
    expect(store.getState().selection).toEqual({ kind: 'relationship', id: rel });
    store.getState().setEnd(rel, 'to', ends.zeroOrOne);
    expect(relationshipKind(store.getState().document.schema.relationships[0]!)).toBe('oneToOne');
    expect(selectDdl(store.getState()).statements.map((s) => s.kind)).toEqual(['createTable', 'createTable', 'addUnique', 'addForeignKey']);
  });

  it('undoes and redoes every document change, including a delete that took relationships with it', () => {
    const store = freshStore();
    const a = store.getState().addTable({ x: 0, y: 0 });
    const b = store.getState().addTable({ x: 400, y: 0 });
    store.getState().connectTables(a, b);
    const connected = store.getState().document;
    store.getState().deleteTable(a);
    expect(store.getState().document.schema.relationships).toEqual([]);
    store.getState().undo();
    expect(store.getState().document).toEqual(connected);
    expect(store.getState().nodes).toHaveLength(2);
    store.getState().redo();
    expect(store.getState().document.schema.tables.map((t) => t.id)).toEqual([b]);
  });

  it('typing a name is one undo step', () => {
    const store = freshStore();
    const a = store.getState().addTable({ x: 0, y: 0 });
    for (const name of ['a', 'au', 'aut', 'authors']) store.getState().renameTable(a, name);
    expect(store.getState().undoDepth).toBe(2);
    store.getState().undo();
    expect(store.getState().document.schema.tables[0]!.name).toBe('table');
  });

  it('a drag is one undo step and never changes the schema', () => {
    const store = createEditorStore();
    store.getState().loadDocument(exampleDocument());
    const schema = store.getState().document.schema;
    const id = 'tbl_authors' as TableId;
    for (const x of [70, 80, 90]) store.getState().handleNodesChange([{ type: 'position', id, position: { x, y: 0 }, dragging: true }]);
    store.getState().handleNodesChange([{ type: 'position', id, position: { x: 100, y: 0 }, dragging: false }]);
    expect(store.getState().document.schema).toBe(schema);
    expect(store.getState().document.layout[id]).toEqual({ x: 100, y: 0 });
    expect(store.getState().undoDepth).toBe(1);
    store.getState().undo();
    expect(store.getState().document.layout[id]).toEqual({ x: 60, y: 140 });
  });

  it('selection and node sizes never go on the undo stack', () => {
    const store = createEditorStore();
    store.getState().loadDocument(exampleDocument());
    store.getState().select({ kind: 'table', id: 'tbl_books' as TableId });
    store.getState().handleNodesChange([{ type: 'dimensions', id: 'tbl_books', dimensions: { width: 200, height: 100 } }]);
    expect(store.getState().undoDepth).toBe(0);
    expect(store.getState().nodes.find((n) => n.id === 'tbl_books')).toMatchObject({
      selected: true,
      measured: { width: 200, height: 100 },
    });
  });

  it('a proof badge opens the Proof tab on its relationship; a report of an older schema is not current', () => {
    const store = createEditorStore();
    const document = exampleDocument();
    store.getState().loadDocument(document);
    const [rel] = document.schema.relationships;
    store.getState().showTab('ddl');
    store.getState().showProof(rel!.id);
    expect(store.getState()).toMatchObject({ sidebarTab: 'proof', proofFocus: rel!.id, selection: { kind: 'relationship', id: rel!.id } });
    const report = {
      problems: [],
      results: [
        {
          id: 'x',
          relationshipId: rel!.id,
          kind: 'validChild' as const,
          title: '',
          because: '',
          sql: [],
          expected: null,
          actual: null,
          verdict: 'failed' as const,
        },
      ],
    };
    store.getState().setProofState({ proofStatus: 'ready', proofReport: report, provedSchema: document.schema });
    expect(selectIsProofCurrent(store.getState())).toBe(true);
    expect(selectRelationshipVerdict(rel!.id)(store.getState())).toEqual({ verdict: 'failed', passed: 0, failed: 1, notProvable: 0 });
    store.getState().renameTable(document.schema.tables[0]!.id, 'writers');
    expect(selectIsProofCurrent(store.getState())).toBe(false);
    const past = store.getState().undoDepth;
    store.getState().openDialog({ kind: 'stepThrough', relationshipId: rel!.id });
    store.getState().setConsoleSql('SELECT 1');
    expect(store.getState().undoDepth).toBe(past);
  });

  it('copies, pastes, duplicates and deletes several tables, each as one undo step', () => {
    const store = createEditorStore();
    store.getState().loadDocument(exampleDocument());
    const tables = () => store.getState().document.schema.tables.map((t) => t.name);
    const [authors, passports] = store.getState().document.schema.tables;
    store.getState().selectTables([authors!.id, passports!.id]);
    store.getState().copySelection();
    store.getState().paste();
    expect(tables()).toEqual(['authors', 'passport_info', 'books', 'country', 'capital', 'authors_2', 'passport_info_2']);
    expect(store.getState().selectedTableIds).toHaveLength(2);
    expect(store.getState().document.schema.relationships).toHaveLength(4);
    store.getState().duplicateSelection();
    expect(tables().slice(-2)).toEqual(['authors_3', 'passport_info_3']);
    store.getState().deleteSelection();
    expect(tables()).toHaveLength(7);
    store.getState().undo();
    expect(tables()).toHaveLength(9);
    store.getState().undo();
    store.getState().undo();
    expect(tables()).toHaveLength(5);
  });

  it('adds, edits, moves and deletes sticky notes, each one undo step, without touching the schema', () => {
    const store = freshStore();
    const schema = store.getState().document.schema;
    const id = store.getState().addNote({ x: 10, y: 10 });
    store.getState().setNoteText(id, 'w');
    store.getState().setNoteText(id, 'why');
    expect(store.getState().noteNodes.map((n) => [n.id, n.type, n.position])).toEqual([[id, 'note', { x: 10, y: 10 }]]);
    store.getState().handleNodesChange([{ type: 'position', id, position: { x: 50, y: 60 }, dragging: false }]);
    expect(store.getState().document.notes).toEqual([{ id, text: 'why', position: { x: 50, y: 60 } }]);
    expect(store.getState().document.schema).toBe(schema);
    store.getState().undo();
    expect(store.getState().document.notes![0]!.position).toEqual({ x: 10, y: 10 });
    store.getState().undo();
    expect(store.getState().document.notes![0]!.text).toBe('');
    store.getState().deleteNote(id);
    expect(store.getState().noteNodes).toEqual([]);
  });
});

it('loading another document drops the proof report of the one before', () => {
  const store = createEditorStore();
  store.getState().loadDocument(exampleDocument());
  store
    .getState()
    .setProofState({ proofStatus: 'ready', proofReport: { problems: [], results: [] }, provedSchema: store.getState().document.schema });
  store.getState().loadDocument({ schema: emptySchema, layout: {} });
  expect(store.getState()).toMatchObject({ proofReport: null, provedSchema: null, proofError: null });
});
