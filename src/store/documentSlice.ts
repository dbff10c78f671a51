import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import {
  emptySchema,
  isNoteId,
  moveNotes,
  type ErdDocument,
  type Layout,
  type Note,
  type Position,
  type Schema,
  type TableId,
} from '../model/index.ts';
import { dragStep, recordChange, type UndoFields, type UndoPolicy } from './history.ts';
import { selectionUpdate, tablesSelected, type Reselection } from './selectionSlice.ts';
import { toNoteNodes, toTableNodes, type NoteFlowNode, type TableFlowNode } from './toFlow.ts';
import type { EditorState } from './editorStore.ts';

/** Undo and redo of this person's own edits: the Y.UndoManager of the Y.Doc the store is bound to (documentBinding.ts). */
export interface DocumentHistory {
  undo(): void;
  redo(): void;
}

/** The document, its React Flow nodes, and how its changes go on the undo stack of the Y.Doc it is bound to. */
export interface DocumentSlice extends UndoFields {
  document: ErdDocument;
  nodes: TableFlowNode[];
  /** The document's sticky notes as canvas nodes. */
  noteNodes: NoteFlowNode[];
  /** How many documents were loaded: a load starts the Y.Doc binding afresh (a new local Y.Doc, an empty undo stack). */
  documentLoads: number;
  /** Where undo and redo go: set by the Y.Doc binding, which every store has (createEditorStore binds a local one). */
  history: DocumentHistory | null;
  /** The document as it was when the current drag began: the drag's one undo step. */
  dragStartDocument: ErdDocument | null;
  /** Why the open document may only be looked at (a file from a newer editor), or null when it may be edited. */
  readOnlyReason: string | null;
  /** Replaces the document (open a file, first start); clears undo (the binding starts a new Y.Doc). With a reason, every edit is refused until another document is loaded. */
  loadDocument(document: ErdDocument, readOnlyReason?: string | null): void;
  /** Applies a pure schema edit (the one place a schema changes) as `policy` says; `placed` positions new tables. */
  editSchema(edit: (schema: Schema) => Schema, policy: UndoPolicy, placed?: Layout): void;
  /** Applies an edit of the notes (never the schema, so no proof reruns). */
  editNotes(edit: (notes: Note[]) => Note[], policy: UndoPolicy): void;
  /** React Flow's node changes: drags update the layout (one undo step per drag), sizes update nodes. */
  handleNodesChange(changes: NodeChange<TableFlowNode | NoteFlowNode>[]): void;
  /**
   * Moves many tables at once as ONE undo step (automatic layout): the same recorded update that
   * ends a drag, so undo restores every previous position together.
   */
  moveTables(positions: Layout): void;
  /** Undoes this person's last step, never a colleague's (through `history`). */
  undo(): void;
  /** Redoes the step this person undid last. */
  redo(): void;
}

/**
 * The one update that makes `document` the shown one: the undo history as `policy` says, the nodes rebuilt,
 * and, when the action also selects (a new table, a pasted copy, nothing after a delete), the selection.
 * Null when the document may not be edited (read-only).
 */
export function documentUpdate(
  state: EditorState,
  document: ErdDocument,
  policy: UndoPolicy,
  reselection?: Reselection,
): Partial<EditorState> | null {
  if (state.readOnlyReason !== null) return null;
  const selectedTableIds = reselection?.selectedTableIds ?? state.selectedTableIds;
  return {
    document,
    ...recordChange(state, policy),
    // A new selection ends a typing run: the next keystrokes are a new undo step.
    ...(reselection && { ...reselection, lastMergeKey: null }),
    nodes: toTableNodes(document, state.nodes, selectedTableIds),
    noteNodes: toNoteNodes(document.notes, state.noteNodes),
  };
}

/** The update of a schema edit (see `documentUpdate`); the layout follows the tables, new ones at `placed`. Null when nothing changed. */
export function schemaUpdate(
  state: EditorState,
  schema: Schema,
  policy: UndoPolicy,
  placed: Layout = {},
  reselection?: Reselection,
): Partial<EditorState> | null {
  const { document } = state;
  if (schema === document.schema) return null;
  const positions = { ...document.layout, ...placed };
  const layout: Layout = Object.fromEntries(schema.tables.map((t) => [t.id, positions[t.id] ?? { x: 0, y: 0 }]));
  return documentUpdate(state, { ...document, schema, layout }, policy, reselection);
}

/** The selection the canvas reports in `changes` (shift-click, a selection box), or undefined when it reports none. */
function canvasSelection(state: EditorState, changes: NodeChange<TableFlowNode | NoteFlowNode>[]): Reselection | undefined {
  const selects = changes.filter((c) => c.type === 'select');
  if (selects.length === 0) return undefined;
  const chosen = new Set(state.selectedTableIds);
  for (const c of selects) {
    if (c.type !== 'select' || isNoteId(c.id)) continue;
    if (c.selected) chosen.add(c.id as TableId);
    else chosen.delete(c.id as TableId);
  }
  return tablesSelected(state.selection, [...chosen]);
}

export const createDocumentSlice: StateCreator<EditorState, [], [], DocumentSlice> = (set, get) => {
  return {
    document: { schema: emptySchema, layout: {} },
    nodes: [],
    noteNodes: [],
    lastUndoStep: 'none',
    lastMergeKey: null,
    undoDepth: 0,
    redoDepth: 0,
    documentLoads: 0,
    history: null,
    dragStartDocument: null,
    readOnlyReason: null,

    loadDocument(document, readOnlyReason = null) {
      // Another document's proof report (and the relationship the Proof tab showed) says nothing about this one: the panel waits for this one's.
      // A drag in progress started on the previous document: ending it must not put that document on the undo stack.
      set({
        document,
        readOnlyReason,
        proofReport: null,
        provedSchema: null,
        proofFingerprints: null,
        proofPending: null,
        proofError: null,
        proofFocus: null,
        lastUndoStep: 'none',
        lastMergeKey: null,
        undoDepth: 0,
        redoDepth: 0,
        documentLoads: get().documentLoads + 1,
        dragStartDocument: null,
        selection: null,
        selectedTableIds: [],
        nodes: toTableNodes(document, [], []),
        noteNodes: toNoteNodes(document.notes, []),
      });
    },

    editSchema(edit, policy, placed) {
      const state = get();
      const update = schemaUpdate(state, edit(state.document.schema), policy, placed);
      if (update) set(update);
    },

    editNotes(edit, policy) {
      const state = get();
      const notes = edit(state.document.notes ?? []);
      const update = notes === state.document.notes ? null : documentUpdate(state, { ...state.document, notes }, policy);
      if (update) set(update);
    },

    handleNodesChange(changes) {
      const state = get();
      const reselection = canvasSelection(state, changes);
      const selected = reselection ? selectionUpdate(state, reselection) : { nodes: state.nodes };
      const sized = changes.filter((c) => c.type === 'dimensions' || c.type === 'position');
      const nodes = applyNodeChanges(sized.filter((c) => !isNoteId(c.id)) as NodeChange<TableFlowNode>[], selected.nodes);
      const noteNodes = applyNodeChanges(sized.filter((c) => isNoteId(c.id)) as NodeChange<NoteFlowNode>[], state.noteNodes);
      const notesById = new Map((state.document.notes ?? []).map((n) => [n.id as string, n.position]));
      const isMoved = (id: string, to: Position) => {
        const at = isNoteId(id) ? notesById.get(id) : state.document.layout[id as TableId];
        return !at || at.x !== to.x || at.y !== to.y;
      };
      // Outside a drag, React Flow also reports positions that did not change: those are not edits.
      const isInDrag = state.dragStartDocument !== null;
      const moves =
        state.readOnlyReason !== null
          ? []
          : changes.filter(
              (c) => c.type === 'position' && c.position !== undefined && (c.dragging === true || isInDrag || isMoved(c.id, c.position)),
            );
      if (moves.length === 0) {
        set({ ...selected, nodes, noteNodes });
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
      // The first move of a drag marks where it started; its last move records the whole drag as one step.
      const step = dragStep(
        state.dragStartDocument,
        state.document,
        moves.some((m) => m.type === 'position' && m.dragging === true),
      );
      set({
        ...recordChange(state, step.policy),
        // A selection in the same batch ends any typing merge, as on its own.
        ...selected,
        nodes,
        noteNodes,
        document: { ...state.document, layout, ...(notes ? { notes } : {}) },
        dragStartDocument: step.dragStart,
      });
    },

    moveTables(positions) {
      const { layout } = get().document;
      const changes: NodeChange<TableFlowNode>[] = [];
      for (const [id, position] of Object.entries(positions)) {
        const old = layout[id as TableId];
        if (old && (old.x !== position.x || old.y !== position.y)) changes.push({ type: 'position', id, position, dragging: false });
      }
      if (changes.length > 0) get().handleNodesChange(changes);
    },

    undo() {
      get().history?.undo();
    },

    redo() {
      get().history?.redo();
    },
  };
};
