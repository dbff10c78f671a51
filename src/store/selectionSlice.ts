import type { StateCreator } from 'zustand';
import type { RelationshipId, TableId } from '../model/index.ts';
import { toTableNodes } from './toFlow.ts';
import type { EditorState } from './editorStore.ts';

/** What the inspector shows. */
export type Selection = { kind: 'table'; id: TableId } | { kind: 'relationship'; id: RelationshipId } | null;

/** The current selection; never on the undo stack. */
export interface SelectionSlice {
  selection: Selection;
  select(selection: Selection): void;
  selectedTableId(): TableId | null;
}

export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set, get) => ({
  selection: null,
  select(selection) {
    set({ selection });
    set({ nodes: toTableNodes(get().document, get().nodes, get().selectedTableId()) });
  },
  selectedTableId() {
    const { selection } = get();
    return selection?.kind === 'table' ? selection.id : null;
  },
});
