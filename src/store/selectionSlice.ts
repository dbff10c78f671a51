import type { StateCreator } from 'zustand';
import { defaultDdlOptions, type DdlOptions } from '../ddl/index.ts';
import type { RelationshipId, TableId } from '../model/index.ts';
import { toTableNodes } from './toFlow.ts';
import type { EditorState } from './editorStore.ts';

/** What the inspector shows. */
export type Selection = { kind: 'table'; id: TableId } | { kind: 'relationship'; id: RelationshipId } | null;

/** The current selection and view preferences; never on the undo stack. */
export interface SelectionSlice {
  selection: Selection;
  /** How the DDL panel and downloads format the script. */
  ddlOptions: DdlOptions;
  select(selection: Selection): void;
  selectedTableId(): TableId | null;
  setDdlOptions(options: Partial<DdlOptions>): void;
}

export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set, get) => ({
  selection: null,
  ddlOptions: defaultDdlOptions,
  setDdlOptions: (options) => set((s) => ({ ddlOptions: { ...s.ddlOptions, ...options } })),
  select(selection) {
    set({ selection });
    set({ nodes: toTableNodes(get().document, get().nodes, get().selectedTableId()) });
  },
  selectedTableId() {
    const { selection } = get();
    return selection?.kind === 'table' ? selection.id : null;
  },
});
