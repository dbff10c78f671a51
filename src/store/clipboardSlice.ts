import type { StateCreator } from 'zustand';
import { copyFragment, pasteFragment, type Fragment } from '../model/index.ts';
import { schemaUpdate } from './documentSlice.ts';
import type { EditorState } from './editorStore.ts';

/** How far each paste lands from the last, down and right. */
const pasteStep = 40;

/** Tables copied with Ctrl/Cmd+C and the verbs that copy and paste them; each paste is one undo step. */
export interface ClipboardSlice {
  /** Tables copied with Ctrl/Cmd+C, and how many times they were pasted (each paste lands a step further). */
  clipboard: { fragment: Fragment; pastes: number } | null;
  /** Copies the selected tables and the relationships among them. */
  copySelection(): void;
  /** Pastes the copied tables a step down and right of the last paste, and selects them. */
  paste(): void;
  /** Copy and paste in one go. */
  duplicateSelection(): void;
}

/** The update that adds a copy of a fragment `offset` away as one undo step and selects the copies; null when read-only. */
function copyPlaced(state: EditorState, fragment: Fragment, offset: number): Partial<EditorState> | null {
  const { document } = state;
  const pasted = pasteFragment(document.schema, document.layout, fragment, { x: offset, y: offset });
  const placed = Object.fromEntries(pasted.tableIds.map((id) => [id, pasted.layout[id]!]));
  const last = pasted.tableIds.at(-1);
  return schemaUpdate(state, pasted.schema, 'record', placed, {
    selectedTableIds: pasted.tableIds,
    selection: last ? { kind: 'table', id: last } : null,
  });
}

/** Copy, paste and duplicate: the copied tables are kept here, apart from the document, so pasting works across documents. */
export const createClipboardSlice: StateCreator<EditorState, [], [], ClipboardSlice> = (set, get) => ({
  clipboard: null,
  copySelection() {
    const { selectedTableIds, document } = get();
    if (selectedTableIds.length > 0)
      set({ clipboard: { fragment: copyFragment(document.schema, document.layout, selectedTableIds), pastes: 0 } });
  },
  paste() {
    const state = get();
    if (!state.clipboard) return;
    const clipboard = { ...state.clipboard, pastes: state.clipboard.pastes + 1 };
    set({ ...copyPlaced(state, clipboard.fragment, pasteStep * clipboard.pastes), clipboard });
  },
  duplicateSelection() {
    const state = get();
    const { selectedTableIds, document } = state;
    if (selectedTableIds.length === 0) return;
    const update = copyPlaced(state, copyFragment(document.schema, document.layout, selectedTableIds), pasteStep);
    if (update) set(update);
  },
});
