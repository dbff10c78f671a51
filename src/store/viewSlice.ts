import type { StateCreator } from 'zustand';
import type { ColumnId, TableId } from '../model/index.ts';
import type { EditorState } from './editorStore.ts';

/** The grid a dragged table snaps to when snapping is on; the canvas draws its dots at the same spacing. */
export const gridSize = 24;

/** What the canvas search found and highlights: a table, or one of its columns. */
export interface SearchHit {
  tableId: TableId;
  columnId: ColumnId | null;
}

/** How the user looks at the diagram: never part of the document, never on the undo stack. */
export interface ViewSlice {
  isSnapToGrid: boolean;
  searchHit: SearchHit | null;
  /** True while the automatic layout runs in its worker. */
  isArranging: boolean;
  toggleSnapToGrid(): void;
  setSearchHit(hit: SearchHit | null): void;
  setArranging(isArranging: boolean): void;
}

export const createViewSlice: StateCreator<EditorState, [], [], ViewSlice> = (set, get) => ({
  isSnapToGrid: false,
  searchHit: null,
  isArranging: false,
  toggleSnapToGrid: () => set((s) => ({ isSnapToGrid: !s.isSnapToGrid })),
  setSearchHit(hit) {
    const current = get().searchHit;
    if (current?.tableId === hit?.tableId && current?.columnId === hit?.columnId) return;
    set({ searchHit: hit });
  },
  setArranging: (isArranging) => set({ isArranging }),
});
