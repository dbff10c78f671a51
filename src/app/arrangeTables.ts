import { layoutFromElk, toElkGraph } from '../layout/autoLayout.ts';
import { layoutSchema } from '../layout/layoutSchema.ts';
import type { Layout, Schema } from '../model/index.ts';
import { gridSize, useEditorStore } from '../store/index.ts';
import { elkInWorker } from '../worker/layoutClient.ts';

/**
 * Lays the diagram out with ELK (measured table sizes where React Flow has them) and applies the
 * result as one undo step; a schema edited meanwhile keeps its new tables where they are.
 */
export async function arrangeTables(): Promise<void> {
  const state = useEditorStore.getState();
  if (state.isArranging || state.document.schema.tables.length === 0) return;
  state.setArranging(true);
  try {
    const { document, nodes } = state;
    const measured = new Map(nodes.map((n) => [n.id, n.measured]));
    const result = await elkInWorker().layout(toElkGraph(document.schema, measured));
    const now = useEditorStore.getState();
    now.moveTables(layoutFromElk(result, document.layout, now.isSnapToGrid ? gridSize : undefined));
  } finally {
    useEditorStore.getState().setArranging(false);
  }
}

/** A first layout for a schema not yet on the canvas (an import): ELK in its worker, snapped to the grid. */
export function layoutNewSchema(schema: Schema): Promise<Layout> {
  return layoutSchema(schema, elkInWorker(), gridSize);
}
