import { useEffect } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { selectIsZoomedOut } from './levelOfDetail.ts';

/** From this many relationships on, repainting their dashed curves costs more than keeping them on a layer. */
const layeredEdgeCount = 100;

const selectWantsLayers = (s: ReactFlowState) => s.edges.length >= layeredEdgeCount && !selectIsZoomedOut(s);

/**
 * Marks the canvas `data-layers` when edges, tables and edge labels should each get a composited layer:
 * a large diagram, zoomed in. There, without a GPU, repainting tiles of dashed curves took 400 ms whenever
 * a badge or a name changed beside them; zoomed out the layers made Chromium re-layer 500 tables per
 * frame, and on a small diagram they only slowed the page's start (60 ms). An attribute, as React Flow
 * rewrites the element's class (on a theme change, say).
 */
export function CanvasLayersMark() {
  const wantsLayers = useStore(selectWantsLayers);
  const canvas = useStore((s) => s.domNode);
  useEffect(() => void canvas?.toggleAttribute('data-layers', wantsLayers), [canvas, wantsLayers]);
  return null;
}
