import * as Y from 'yjs';
import type { StoreApi } from 'zustand';
import {
  commitLocalChange,
  documentTypes,
  readDocumentChange,
  readDocumentState,
  repairDocument,
  storedFormat,
  writeDocument,
  yFormatVersion,
  type DocumentState,
} from '../collab/index.ts';
import type { ErdDocument, Note, TableId } from '../model/index.ts';
import { toNoteNodes, toTableNodes } from './toFlow.ts';
import type { DocumentHistory } from './documentSlice.ts';
import type { EditorState } from './editorStore.ts';

/** What binding a store to a Y.Doc gives back. */
export interface DocumentBinding {
  /** Stops the binding; the store goes on with a fresh local Y.Doc holding its document (and an empty undo stack). */
  unbind(): void;
  /** Tracks only this person's edits (`origin`): what the store's undo() and redo() call. */
  undoManager: Y.UndoManager;
}

/** How a store is bound to a Y.Doc. */
export interface BindingOptions {
  /** The origin of this person's edits: the one origin the undo manager tracks. */
  origin: unknown;
  /** Told when the binding ends because another document was loaded into the store (leave the room then). */
  onEnd?: () => void;
}

/** The message shown when a change from someone else could not be kept whole. */
export const repairNoticeId = 'collab-repair';

/** Each store's binding: its end, and the undo manager its history calls. */
const bindings = new WeakMap<StoreApi<EditorState>, { end(): void; undoManager: Y.UndoManager }>();
/** One history object per store, calling whichever binding is current (so a new binding needs no store update for it). */
const histories = new WeakMap<StoreApi<EditorState>, DocumentHistory>();

function historyOf(store: StoreApi<EditorState>): DocumentHistory {
  let history = histories.get(store);
  if (!history) {
    history = { undo: () => bindings.get(store)?.undoManager.undo(), redo: () => bindings.get(store)?.undoManager.redo() };
    histories.set(store, history);
  }
  return history;
}

/**
 * Makes the store a view of `ydoc`: a Y.Doc that already holds a document is shown (as loading it
 * would), an empty one receives the store's document. Every local change of `document` is committed
 * in one transaction with `origin` (tracked by the undo manager as the action's UndoPolicy says);
 * every other transaction (a peer's, an undo, a redo) updates the store once. Loading another
 * document ends the binding (the store then gets a fresh local Y.Doc). Replaces any earlier binding.
 */
export function bindStoreToYDoc(store: StoreApi<EditorState>, ydoc: Y.Doc, options: BindingOptions): DocumentBinding {
  bindings.get(store)?.end();
  const { origin } = options;
  /** The origin of changes that are no undo step (the moves during a drag, 'ignore' edits): never tracked. */
  const untracked = Symbol('untracked');
  let isOwnWrite = false;
  // Set with the subscription below; `show` keeps it current.
  let seen: EditorState;
  /** Tables and notes moved by the drag in progress: put back where the drag started before its one tracked step. */
  const dragMoved = new Set<string>();

  const hasDocument = storedFormat(ydoc) !== undefined;
  let state: DocumentState = hasDocument ? readDocumentState(ydoc) : writtenState(ydoc, store.getState().document, untracked);
  const undoManager = new Y.UndoManager(documentTypes(ydoc), { trackedOrigins: new Set([origin]), captureTimeout: Infinity });

  function writeOwn(write: () => void): void {
    isOwnWrite = true;
    try {
      write();
    } finally {
      isOwnWrite = false;
    }
  }

  /** Shows `state.document` in one store update that is not written back. */
  function show(update: Partial<EditorState>): void {
    writeOwn(() => store.setState(update));
    seen = store.getState();
  }

  const onTransaction = (transaction: Y.Transaction) => {
    if (isOwnWrite) return;
    const previous = state;
    state = readDocumentChange(ydoc, state, transaction.changed);
    const isUndoOrRedo = transaction.origin === undoManager;
    if (state.document === previous.document && !isUndoOrRedo && state.newlyDropped.length === 0) return;
    if (isUndoOrRedo) dragMoved.clear();
    show(viewUpdate(store.getState(), state, undoManager, isUndoOrRedo));
  };

  const commit = (next: EditorState, previous: EditorState) => {
    const step = next.lastUndoStep;
    const dragStart = previous.dragStartDocument;
    const endsDrag = dragStart !== null && next.dragStartDocument === null && step === 'new';
    writeOwn(() => {
      if (step === 'none') {
        if (next.dragStartDocument !== null) noteMoves(dragMoved, previous.document, next.document);
        state = commitLocalChange(ydoc, state, next.document, untracked);
        return;
      }
      if (endsDrag) {
        noteMoves(dragMoved, previous.document, next.document);
        state = commitLocalChange(ydoc, state, movedBack(next.document, dragStart, dragMoved), untracked);
      }
      dragMoved.clear();
      if (step === 'new') undoManager.stopCapturing();
      state = commitLocalChange(ydoc, state, next.document, origin);
    });
    // A local change the merge had to repair (a colleague deleted what it touched), or an undo stack that did not grow.
    const isRepaired = state.document !== next.document;
    if (isRepaired || next.undoDepth !== undoManager.undoStack.length || next.redoDepth !== undoManager.redoStack.length)
      show(viewUpdate(next, state, undoManager, false));
  };

  let loads = store.getState().documentLoads;
  /**
   * The store as the binding last saw it. Changes are read against it rather than zustand's `previous`:
   * a listener that sets the store while zustand notifies makes `previous` an older state than the one
   * the binding last handled, and a listener added while zustand notifies hears of that update too.
   */
  seen = store.getState();
  const unsubscribe = store.subscribe(() => {
    if (isOwnWrite) return;
    const next = store.getState();
    const previous = seen;
    seen = next;
    if (next.documentLoads !== loads) {
      end();
      options.onEnd?.();
      bindLocalDocument(store);
      return;
    }
    if (next.document !== previous.document && next.document !== state.document) commit(next, previous);
  });
  ydoc.on('afterTransaction', onTransaction);
  const history = historyOf(store);

  if (hasDocument) {
    const readOnlyReason = (storedFormat(ydoc) ?? 0) > yFormatVersion ? 'made by a newer version of the editor: opened read-only' : null;
    writeOwn(() => store.getState().loadDocument(state.document, readOnlyReason));
    loads = store.getState().documentLoads;
    show({ history, ...(state.newlyDropped.length > 0 && repairNotice(store.getState(), state.newlyDropped)) });
  } else if (state.document !== store.getState().document) {
    show({ history, ...viewUpdate(store.getState(), state, undoManager, false) });
  } else if (store.getState().history !== history) {
    show({ history });
  }

  function end(): void {
    unsubscribe();
    ydoc.off('afterTransaction', onTransaction);
    undoManager.destroy();
    if (bindings.get(store)?.end === end) bindings.delete(store);
  }
  bindings.set(store, { end, undoManager });

  return {
    undoManager,
    unbind() {
      if (bindings.get(store)?.end !== end) return;
      end();
      bindLocalDocument(store);
    },
  };
}

/** Writes the store's document into an empty Y.Doc: the state is that very document when it needs no repair (no new objects to render). */
function writtenState(ydoc: Y.Doc, document: ErdDocument, origin: unknown): DocumentState {
  writeDocument(ydoc, document, origin);
  const { document: repaired, dropped } = repairDocument(document);
  return repaired === document ? { raw: document, document, dropped, newlyDropped: dropped } : readDocumentState(ydoc);
}

/** Binds the store to a new Y.Doc of its own: one undo path whether or not the document is shared. */
export function bindLocalDocument(store: StoreApi<EditorState>): DocumentBinding {
  return bindStoreToYDoc(store, new Y.Doc(), { origin: Symbol('local edits') });
}

/**
 * The store update that shows a document read from the Y.Doc: the nodes of changed tables rebuilt, the
 * selection pruned of what is gone, the undo buttons as the manager says, and the repair told in words.
 */
function viewUpdate(current: EditorState, state: DocumentState, undoManager: Y.UndoManager, isUndoOrRedo: boolean): Partial<EditorState> {
  const { document } = state;
  const before = current.document;
  const isSameTables = document.schema.tables === before.schema.tables && document.layout === before.layout;
  const tableIds = isSameTables ? null : new Set<string>(document.schema.tables.map((t) => t.id));
  const selectedTableIds = tableIds ? current.selectedTableIds.filter((id) => tableIds.has(id)) : current.selectedTableIds;
  return {
    document,
    nodes: isSameTables ? current.nodes : toTableNodes(document, current.nodes, selectedTableIds),
    noteNodes: document.notes === before.notes ? current.noteNodes : toNoteNodes(document.notes, current.noteNodes),
    selection: stillExists(document, current.selection) ? current.selection : null,
    selectedTableIds: selectedTableIds.length === current.selectedTableIds.length ? current.selectedTableIds : selectedTableIds,
    undoDepth: undoManager.undoStack.length,
    redoDepth: undoManager.redoStack.length,
    // An undo or redo ends a typing run and any drag (the drag's start is no longer the document shown).
    ...(isUndoOrRedo && { lastMergeKey: null, dragStartDocument: null }),
    ...(state.newlyDropped.length > 0 && repairNotice(current, state.newlyDropped)),
  };
}

/** The notice telling the user, in plain words, what a change from someone else made the document drop. */
function repairNotice(current: EditorState, dropped: string[]): Pick<EditorState, 'notices'> {
  const text = `Edits made at the same time by different people did not fit together, so ${dropped.join('; ')}.`;
  return { notices: [...current.notices.filter((n) => n.id !== repairNoticeId), { id: repairNoticeId, tone: 'warning', text }] };
}

function stillExists(document: ErdDocument, selection: EditorState['selection']): boolean {
  if (selection === null) return true;
  return selection.kind === 'table'
    ? document.schema.tables.some((t) => t.id === selection.id)
    : document.schema.relationships.some((r) => r.id === selection.id);
}

/** Adds the tables and notes whose position changed between two documents. */
function noteMoves(moved: Set<string>, before: ErdDocument, after: ErdDocument): void {
  if (after.layout !== before.layout)
    for (const [id, at] of Object.entries(after.layout)) if (before.layout[id as TableId] !== at) moved.add(id);
  if (after.notes !== before.notes) {
    const positions = new Map((before.notes ?? []).map((n) => [n.id as string, n.position]));
    for (const note of after.notes ?? []) if (positions.get(note.id) !== note.position) moved.add(note.id);
  }
}

/** `document` with the tables and notes in `moved` back where they were in `start`: the state a drag's one undo step returns to. */
function movedBack(document: ErdDocument, start: ErdDocument, moved: Set<string>): ErdDocument {
  const layout = { ...document.layout };
  for (const id of moved) {
    const at = start.layout[id as TableId];
    if (at && layout[id as TableId]) layout[id as TableId] = at;
  }
  const startNotes = new Map((start.notes ?? []).map((n) => [n.id as string, n.position]));
  const notes = document.notes?.map((note): Note => {
    const at = moved.has(note.id) ? startNotes.get(note.id) : undefined;
    return at ? { ...note, position: at } : note;
  });
  return { ...document, layout, ...(notes && { notes }) };
}
