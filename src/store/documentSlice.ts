import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import { emptySchema, isNoteId, moveNotes, type ErdDocument, type Layout, type Note, type Position, type Schema, type TableId } from '../model/index.ts';
import { toNoteNodes, toTableNodes, type NoteFlowNode, type TableFlowNode } from './toFlow.ts';
import type { EditorState } from './editorStore.ts';

/** How many document snapshots undo keeps. */
const historyLimit = 200;

/** Whether an update goes on the undo stack; edits sharing a `mergeKey` in a row (typing a name) are one step. */
export interface Capture {
  capture: boolean;
  mergeKey?: string;
}

/** The document, its React Flow nodes, and snapshot-based undo. */
export interface DocumentSlice {
  document: ErdDocument;
  nodes: TableFlowNode[];
  /** The document's sticky notes as canvas nodes. */
  noteNodes: NoteFlowNode[];
  past: ErdDocument[];
  future: ErdDocument[];
  lastMergeKey: string | null;
  /** The document as it was when the current drag began: the drag's one undo step. */
  dragStartDocument: ErdDocument | null;
  /** Why the open document may only be looked at (a file from a newer editor), or null when it may be edited. */
  readOnlyReason: string | null;
  /** Replaces the document (open a file, first start); clears undo. With a reason, every edit is refused until another document is loaded. */
  loadDocument(document: ErdDocument, readOnlyReason?: string | null): void;
  /** Applies a pure schema edit (the one place a schema changes); `placed` positions new tables. */
  editSchema(edit: (schema: Schema) => Schema, capture?: Capture, placed?: Layout): void;
  /** React Flow's node changes: drags update the layout (one undo step per drag), sizes update nodes. */
  /** Applies an edit of the notes (never the schema, so no proof reruns). */
  editNotes(edit: (notes: Note[]) => Note[], capture?: Capture): void;
  handleNodesChange(changes: NodeChange<TableFlowNode | NoteFlowNode>[]): void;
  undo(): void;
  redo(): void;
}

export const createDocumentSlice: StateCreator<EditorState, [], [], DocumentSlice> = (set, get) => {
  /** Sets a new document in one update: snapshot for undo, nodes rebuilt. */
  const commit = (document: ErdDocument, { capture, mergeKey }: Capture) => {
    const state = get();
    if (state.readOnlyReason !== null) return;
    const merges = capture && mergeKey !== undefined && mergeKey === state.lastMergeKey;
    const past = capture && !merges ? [...state.past, state.document].slice(-historyLimit) : state.past;
    set({
      document,
      past,
      future: capture ? [] : state.future,
      lastMergeKey: capture ? (mergeKey ?? null) : state.lastMergeKey,
      nodes: toTableNodes(document, state.nodes, state.selectedTableIds),
      noteNodes: toNoteNodes(document.notes, state.noteNodes),
    });
  };

  const restore = (document: ErdDocument, past: ErdDocument[], future: ErdDocument[]) => {
    const state = get();
    const selection = state.selection && stillExists(document, state.selection) ? state.selection : null;
    const selectedTableIds = state.selectedTableIds.filter((id) => document.schema.tables.some((t) => t.id === id));
    // Undo or redo in the middle of a drag: the document the drag started from is no longer the one shown, so it is no undo step.
    set({
      document,
      past,
      future,
      lastMergeKey: null,
      dragStartDocument: null,
      selection,
      selectedTableIds,
      nodes: toTableNodes(document, state.nodes, selectedTableIds),
      noteNodes: toNoteNodes(document.notes, state.noteNodes),
    });
  };

  return {
    document: { schema: emptySchema, layout: {} },
    nodes: [],
    noteNodes: [],
    past: [],
    future: [],
    lastMergeKey: null,
    dragStartDocument: null,
    readOnlyReason: null,

    loadDocument(document, readOnlyReason = null) {
      // Another document's proof report (and the relationship the Proof tab showed) says nothing about this one: the panel waits for this one's.
      // A drag in progress started on the previous document: ending it must not put that document on the undo stack.
      set({ document, readOnlyReason, proofReport: null, provedSchema: null, proofError: null, proofFocus: null, past: [], future: [], lastMergeKey: null, dragStartDocument: null, selection: null, selectedTableIds: [], nodes: toTableNodes(document, [], []), noteNodes: toNoteNodes(document.notes, []) });
    },

    editSchema(edit, capture = { capture: true }, placed = {}) {
      const { document } = get();
      const schema = edit(document.schema);
      if (schema === document.schema) return;
      const positions = { ...document.layout, ...placed };
      const layout: Layout = Object.fromEntries(schema.tables.map((t) => [t.id, positions[t.id] ?? { x: 0, y: 0 }]));
      commit({ ...document, schema, layout }, capture);
    },

    editNotes(edit, capture = { capture: true }) {
      const { document } = get();
      const notes = edit(document.notes ?? []);
      if (notes !== document.notes) commit({ ...document, notes }, capture);
    },

    handleNodesChange(changes) {
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length > 0) {
        const chosen = new Set(get().selectedTableIds);
        for (const c of selects) {
          if (c.type !== 'select' || isNoteId(c.id)) continue;
          if (c.selected) chosen.add(c.id as TableId);
          else chosen.delete(c.id as TableId);
        }
        get().selectTables([...chosen]);
      }
      const state = get();
      const sized = changes.filter((c) => c.type === 'dimensions' || c.type === 'position');
      const nodes = applyNodeChanges(sized.filter((c) => !isNoteId(c.id)) as NodeChange<TableFlowNode>[], state.nodes);
      const noteNodes = applyNodeChanges(sized.filter((c) => isNoteId(c.id)) as NodeChange<NoteFlowNode>[], state.noteNodes);
      const notesById = new Map((state.document.notes ?? []).map((n) => [n.id as string, n.position]));
      const isMoved = (id: string, to: Position) => {
        const at = isNoteId(id) ? notesById.get(id) : state.document.layout[id as TableId];
        return !at || at.x !== to.x || at.y !== to.y;
      };
      // Outside a drag, React Flow also reports positions that did not change: those are not edits.
      const isInDrag = state.dragStartDocument !== null;
      const moves = state.readOnlyReason !== null ? [] : changes.filter((c) => c.type === 'position' && c.position !== undefined && (c.dragging === true || isInDrag || isMoved(c.id, c.position)));
      if (moves.length === 0) {
        set({ nodes, noteNodes });
        return;
      }
      const layout = { ...state.document.layout };
      const notePositions = new Map<string, Position>();
      for (const move of moves) {
        if (move.type !== 'position' || !move.position) continue;
        if (isNoteId(move.id)) notePositions.set(move.id, move.position);
        else layout[move.id as TableId] = move.position;
      }
      const notes = notePositions.size > 0 ? moveNotes(state.document.notes ?? [], notePositions) : state.document.notes;
      const before = state.dragStartDocument ?? state.document;
      const isDragging = moves.some((m) => m.type === 'position' && m.dragging === true);
      set({ nodes, noteNodes, document: { ...state.document, layout, ...(notes ? { notes } : {}) }, dragStartDocument: isDragging ? before : null });
      if (!isDragging) set({ past: [...state.past, before].slice(-historyLimit), future: [], lastMergeKey: null });
    },

    undo() {
      const { past, future, document } = get();
      const previous = past.at(-1);
      if (previous) restore(previous, past.slice(0, -1), [document, ...future]);
    },

    redo() {
      const { past, future, document } = get();
      const next = future[0];
      if (next) restore(next, [...past, document], future.slice(1));
    },
  };
};

function stillExists(document: ErdDocument, selection: NonNullable<EditorState['selection']>): boolean {
  return selection.kind === 'table'
    ? document.schema.tables.some((t) => t.id === selection.id)
    : document.schema.relationships.some((r) => r.id === selection.id);
}
