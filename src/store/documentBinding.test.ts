import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDocument, writeDocument, yFormatVersion } from '../collab/index.ts';
import type { TableId } from '../model/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { bindStoreToYDoc, repairNoticeId } from './documentBinding.ts';
import { createEditorStore } from './editorStore.ts';

type Store = ReturnType<typeof createEditorStore>;
const authors = 'tbl_authors' as TableId;

/**
 * Two people, each a store bound to a Y.Doc of their own; the Y.Docs exchange every update at once
 * (`live`) or only when `deliver()` is called (edits made at the same time).
 */
function twoPeople(live = true) {
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  const stores = [createEditorStore(), createEditorStore()] as const;
  stores[0].getState().loadDocument(exampleDocument());
  bindStoreToYDoc(stores[0], docs[0], { origin: 'alice' });
  Y.applyUpdate(docs[1], Y.encodeStateAsUpdate(docs[0]));
  bindStoreToYDoc(stores[1], docs[1], { origin: 'bob' });
  const queued: [Y.Doc, Uint8Array][] = [];
  const sent = [0, 0];
  docs.forEach((ydoc, i) =>
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'network') return;
      sent[i]!++;
      queued.push([docs[1 - i]!, update]);
      if (live) deliver();
    }),
  );
  function deliver() {
    for (const [ydoc, update] of queued.splice(0)) Y.applyUpdate(ydoc, update, 'network');
  }
  const [alice, bob] = stores;
  return { alice, bob, deliver, sent };
}

const tableNamed = (store: Store, id: string) => store.getState().document.schema.tables.find((t) => t.id === id);
const drag = (store: Store, id: string, x: number, dragging: boolean) =>
  store.getState().handleNodesChange([{ type: 'position', id, position: { x, y: 0 }, dragging }]);

describe('two stores bound to two Y.Docs', () => {
  it("shows the document of a room it joins, and each person's edits reach the other", () => {
    const { alice, bob } = twoPeople();
    expect(bob.getState().document).toStrictEqual(alice.getState().document);
    alice.getState().renameTable(authors, 'writers');
    expect(tableNamed(bob, authors)!.name).toBe('writers');
    const books = bob.getState().document.schema.tables[1]!.id;
    bob.getState().renameTable(books, 'volumes');
    expect(tableNamed(alice, books)!.name).toBe('volumes');
  });

  it("never writes a peer's change back into the Y.Doc", () => {
    const { alice, bob, sent } = twoPeople();
    alice.getState().renameTable(authors, 'writers');
    expect(sent).toEqual([1, 0]);
    expect(bob.getState().undoDepth).toBe(0);
  });

  it("undoes only my edits: Alice's Undo keeps Bob's edit, also of the same table", () => {
    const { alice, bob } = twoPeople();
    alice.getState().renameTable(authors, 'writers');
    bob.getState().updateTableFields(authors, { comment: 'people who write' });
    alice.getState().undo();
    for (const store of [alice, bob]) expect(tableNamed(store, authors)).toMatchObject({ name: 'authors', comment: 'people who write' });
    expect(alice.getState()).toMatchObject({ undoDepth: 0, redoDepth: 1 });
    alice.getState().redo();
    expect(tableNamed(bob, authors)).toMatchObject({ name: 'writers', comment: 'people who write' });
  });

  it("typing a name is one step, even with a colleague's edits in between", () => {
    const { alice, bob } = twoPeople();
    const books = alice.getState().document.schema.tables[1]!.id;
    for (const name of ['w', 'wr', 'wri', 'writers']) {
      alice.getState().renameTable(authors, name);
      bob.getState().renameTable(books, `b${name}`);
    }
    expect(alice.getState().undoDepth).toBe(1);
    alice.getState().undo();
    expect(tableNamed(bob, authors)!.name).toBe('authors');
    expect(tableNamed(bob, books)!.name).toBe('bwriters');
  });

  it('a drag is one step: Undo puts the table back where the drag started, and the peer saw it move', () => {
    const { alice, bob } = twoPeople();
    const start = alice.getState().document.layout[authors];
    for (const x of [10, 20, 30]) drag(alice, authors, x, true);
    expect(bob.getState().document.layout[authors]).toEqual({ x: 30, y: 0 });
    drag(alice, authors, 40, false);
    expect(bob.getState().document.layout[authors]).toEqual({ x: 40, y: 0 });
    expect(alice.getState().undoDepth).toBe(1);
    alice.getState().undo();
    for (const store of [alice, bob]) expect(store.getState().document.layout[authors]).toEqual(start);
    expect(alice.getState().nodes.find((n) => n.id === authors)!.position).toEqual(start);
  });

  it("a drag's undo leaves a table the colleague moved meanwhile where they put it", () => {
    const { alice, bob } = twoPeople();
    const books = alice.getState().document.schema.tables[1]!.id;
    drag(alice, authors, 10, true);
    drag(bob, books, 500, false);
    drag(alice, authors, 20, false);
    alice.getState().undo();
    expect(alice.getState().document.layout[books]).toEqual({ x: 500, y: 0 });
  });

  it("a colleague's edit in the middle of a drag neither stops the drag nor joins its undo step", () => {
    const { alice, bob } = twoPeople();
    const start = alice.getState().document.layout[authors];
    const books = alice.getState().document.schema.tables[1]!.id;
    drag(alice, authors, 10, true);
    bob.getState().renameTable(books, 'volumes');
    expect(alice.getState().document.layout[authors]).toEqual({ x: 10, y: 0 });
    expect(alice.getState().dragStartDocument).not.toBeNull();
    drag(alice, authors, 20, true);
    drag(alice, authors, 30, false);
    expect(bob.getState().document.layout[authors]).toEqual({ x: 30, y: 0 });
    alice.getState().undo();
    expect(alice.getState().undoDepth).toBe(0);
    for (const store of [alice, bob]) {
      expect(store.getState().document.layout[authors]).toEqual(start);
      expect(tableNamed(store, books)!.name).toBe('volumes');
    }
  });

  it('a connect and a paste are one step each', () => {
    const { alice, bob } = twoPeople();
    const [first, second] = alice.getState().document.schema.tables;
    const relationships = alice.getState().document.schema.relationships.length;
    alice.getState().connectTables(first!.id, second!.id);
    alice.getState().selectTables([first!.id]);
    alice.getState().copySelection();
    alice.getState().paste();
    expect(bob.getState().document.schema.tables).toHaveLength(alice.getState().document.schema.tables.length);
    expect(alice.getState().undoDepth).toBe(2);
    alice.getState().undo();
    expect(bob.getState().document.schema.tables.map((t) => t.id)).toEqual(exampleDocument().schema.tables.map((t) => t.id));
    expect(bob.getState().document.schema.relationships).toHaveLength(relationships + 1);
    alice.getState().undo();
    expect(bob.getState().document.schema.relationships).toHaveLength(relationships);
    expect(alice.getState().document).toStrictEqual(bob.getState().document);
  });

  it('drops from the selection what a colleague deleted, and says what a clash of edits dropped', () => {
    const { alice, bob, deliver } = twoPeople(false);
    const [first, second] = alice.getState().document.schema.tables;
    alice.getState().select({ kind: 'table', id: second!.id });
    bob.getState().deleteTable(second!.id);
    alice.getState().connectTables(first!.id, second!.id);
    deliver();
    expect(alice.getState().document).toStrictEqual(bob.getState().document);
    expect(alice.getState().document.schema.tables.some((t) => t.id === second!.id)).toBe(false);
    expect(alice.getState().selection).toBeNull();
    expect(alice.getState().selectedTableIds).toEqual([]);
    expect(alice.getState().notices.find((n) => n.id === repairNoticeId)?.text).toMatch(/relationship .* was removed/);
  });

  it('loading another document ends the binding: the room is left alone and undo starts afresh', () => {
    const { alice, bob } = twoPeople();
    let ended = 0;
    const ydoc = new Y.Doc();
    bindStoreToYDoc(alice, ydoc, { origin: 'alice', onEnd: () => ended++ });
    alice.getState().renameTable(authors, 'writers');
    alice.getState().loadDocument(bob.getState().document);
    expect(ended).toBe(1);
    alice.getState().renameTable(authors, 'scribes');
    expect(tableNamed(bob, authors)!.name).toBe('authors');
    alice.getState().undo();
    expect(tableNamed(alice, authors)!.name).toBe('authors');
    expect(alice.getState().undoDepth).toBe(0);
  });

  it('opens a Y.Doc written by a newer editor read-only: no local edit reaches it', () => {
    const ydoc = new Y.Doc();
    writeDocument(ydoc, exampleDocument());
    ydoc.getMap('meta').set('format', yFormatVersion + 1);
    const store = createEditorStore();
    bindStoreToYDoc(store, ydoc, { origin: 'me' });
    expect(store.getState().readOnlyReason).toMatch(/newer version/);
    const before = Y.encodeStateVector(ydoc);
    store.getState().renameTable(authors, 'writers');
    expect(Y.encodeStateVector(ydoc)).toEqual(before);
  });

  it('commits an edit even when another listener sets the store while zustand tells of it', () => {
    const store = createEditorStore();
    // Like a saver marking the document unsaved on every change of it.
    store.subscribe(
      (next, previous) =>
        next.document !== previous.document && next.setWork({ saveStatus: next.saveStatus === 'unsaved' ? 'saving' : 'unsaved' }),
    );
    store.getState().loadDocument(exampleDocument());
    const ydoc = new Y.Doc();
    bindStoreToYDoc(store, ydoc, { origin: 'me' });
    store.getState().renameTable(authors, 'writers');
    expect(readDocument(ydoc).schema.tables.find((t) => t.id === authors)!.name).toBe('writers');
    store.getState().undo();
    expect(tableNamed(store, authors)!.name).toBe('authors');
  });
});
