import type { StateCreator } from 'zustand';
import type { RelationshipId, TableId } from '../model/index.ts';
import { toTableNodes, type TableFlowNode } from './toFlow.ts';
import type { EditorState } from './editorStore.ts';

/** What the inspector shows. */
export type Selection = { kind: 'table'; id: TableId } | { kind: 'relationship'; id: RelationshipId } | null;

/** What is selected: the inspector's one thing, and every selected table. */
export interface Reselection {
  selection: Selection;
  selectedTableIds: TableId[];
}

/** Selecting one thing (a click, a new table, a new relationship) or nothing: a table is then the only selected table. */
export function selectOnly(selection: Selection): Reselection {
  return { selection, selectedTableIds: selection?.kind === 'table' ? [selection.id] : [] };
}

/** Selecting several tables: the inspector shows the last one, or keeps a relationship it showed when there is none. */
export function tablesSelected(current: Selection, tableIds: TableId[]): Reselection {
  const last = tableIds.at(-1);
  return { selectedTableIds: tableIds, selection: last ? { kind: 'table', id: last } : current?.kind === 'relationship' ? current : null };
}

/** What is selected on the canvas and shown in the inspector; never on the undo stack. */
export interface SelectionSlice {
  /** What the inspector shows: the table or relationship clicked last. */
  selection: Selection;
  /** Every selected table (shift-click, selection box): what copy, duplicate and delete act on. */
  selectedTableIds: TableId[];
  select(selection: Selection): void;
  /** Sets the selected tables (from the canvas); the inspector shows the last one. */
  selectTables(tableIds: TableId[]): void;
}

/** The update that selects: nodes re-marked, and the typing run ended (the next keystrokes are a new undo step). */
export function selectionUpdate(
  state: EditorState,
  reselection: Reselection,
): Reselection & { lastMergeKey: null; nodes: TableFlowNode[] } {
  return { ...reselection, lastMergeKey: null, nodes: toTableNodes(state.document, state.nodes, reselection.selectedTableIds) };
}

export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set, get) => ({
  selection: null,
  selectedTableIds: [],
  select: (selection) => set(selectionUpdate(get(), selectOnly(selection))),
  selectTables: (tableIds) => set(selectionUpdate(get(), tablesSelected(get().selection, tableIds))),
});
