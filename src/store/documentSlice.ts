import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import { emptySchema, type ErdDocument, type Layout, type Schema, type TableId } from '../model/index.ts';
import { toTableNodes, type TableFlowNode } from './toFlow.ts';
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
  past: ErdDocument[];
  future: ErdDocument[];
  lastMergeKey: string | null;
  /** The document as it was when the current drag began: the drag's one undo step. */
  dragStartDocument: ErdDocument | null;
  /** Replaces the document (open a file, first start); clears undo. */
  loadDocument(document: ErdDocument): void;
  /** Replaces the document as one undoable step (start a blank diagram). */
  replaceDocument(document: ErdDocument): void;
  /** Applies a pure schema edit (the one place a schema changes); `placed` positions new tables. */
  editSchema(edit: (schema: Schema) => Schema, capture?: Capture, placed?: Layout): void;
  /** React Flow's node changes: drags update the layout (one undo step per drag), sizes update nodes. */
  handleNodesChange(changes: NodeChange<TableFlowNode>[]): void;
  undo(): void;
  redo(): void;
}

export const createDocumentSlice: StateCreator<EditorState, [], [], DocumentSlice> = (set, get) => {
  /** Sets a new document in one update: snapshot for undo, nodes rebuilt. */
  const commit = (document: ErdDocument, { capture, mergeKey }: Capture) => {
    const state = get();
    const merges = capture && mergeKey !== undefined && mergeKey === state.lastMergeKey;
    const past = capture && !merges ? [...state.past, state.document].slice(-historyLimit) : state.past;
    set({
      document,
      past,
      future: capture ? [] : state.future,
      lastMergeKey: capture ? (mergeKey ?? null) : state.lastMergeKey,
      nodes: toTableNodes(document, state.nodes, state.selectedTableIds),
    });
  };

  const restore = (document: ErdDocument, past: ErdDocument[], future: ErdDocument[]) => {
    const state = get();
    const selection = state.selection && stillExists(document, state.selection) ? state.selection : null;
    const selectedTableIds = state.selectedTableIds.filter((id) => document.schema.tables.some((t) => t.id === id));
    set({ document, past, future, lastMergeKey: null, selection, selectedTableIds });
    set({ nodes: toTableNodes(document, get().nodes, selectedTableIds) });
  };

  return {
    document: { schema: emptySchema, layout: {} },
    nodes: [],
    past: [],
    future: [],
    lastMergeKey: null,
    dragStartDocument: null,

    loadDocument(document) {
      set({ document, past: [], future: [], lastMergeKey: null, selection: null, selectedTableIds: [], nodes: toTableNodes(document, [], []) });
    },

    replaceDocument(document) {
      commit(document, { capture: true });
      set({ selection: null });
    },

    editSchema(edit, capture = { capture: true }, placed = {}) {
      const { document } = get();
      const schema = edit(document.schema);
      if (schema === document.schema) return;
      const positions = { ...document.layout, ...placed };
      const layout: Layout = Object.fromEntries(schema.tables.map((t) => [t.id, positions[t.id] ?? { x: 0, y: 0 }]));
      commit({ schema, layout }, capture);
    },

    handleNodesChange(changes) {
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length > 0) {
        const chosen = new Set(get().selectedTableIds);
        for (const c of selects) {
          if (c.type !== 'select') continue;
          if (c.selected) chosen.add(c.id as TableId);
          else chosen.delete(c.id as TableId);
        }
        get().selectTables([...chosen]);
      }
      const state = get();
      const nodes = applyNodeChanges(changes.filter((c) => c.type === 'dimensions' || c.type === 'position'), state.nodes);
      const moves = changes.filter((c) => c.type === 'position' && c.position !== undefined);
      if (moves.length === 0) {
        set({ nodes });
        return;
      }
      const layout = { ...state.document.layout };
      for (const move of moves) if (move.type === 'position' && move.position) layout[move.id as TableId] = move.position;
      const before = state.dragStartDocument ?? state.document;
      const isDragging = moves.some((m) => m.type === 'position' && m.dragging === true);
      set({ nodes, document: { ...state.document, layout }, dragStartDocument: isDragging ? before : null });
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
