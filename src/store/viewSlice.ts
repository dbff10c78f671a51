import type { NodeChange } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import type { ColumnId, Layout, TableId } from '../model/index.ts';
import type { EditorState } from './editorStore.ts';
import type { TableFlowNode } from './toFlow.ts';

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
  /**
   * Moves many tables at once as ONE undo step (automatic layout): the same captured update that
   * ends a drag, so undo restores every previous position together.
   */
  moveTables(positions: Layout): void;
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
  moveTables(positions) {
    const { layout } = get().document;
    const changes: NodeChange<TableFlowNode>[] = [];
    for (const [id, position] of Object.entries(positions)) {
      const old = layout[id as TableId];
      if (old && (old.x !== position.x || old.y !== position.y)) changes.push({ type: 'position', id, position, dragging: false });
    }
    if (changes.length > 0) get().handleNodesChange(changes);
  },
});
