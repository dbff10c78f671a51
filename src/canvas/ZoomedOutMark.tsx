import { useEffect } from 'react';
import { useStore } from '@xyflow/react';
import { selectIsZoomedOut } from './levelOfDetail.ts';

/**
 * Marks the canvas `data-zoomed-out` below `detailZoom`, for styles that depend on it: edges, tables and
 * labels get layers of their own only when zoomed in, where names and badges change beside the edges;
 * zoomed out, those layers made Chromium re-layer 500 tables on every frame of a pan. An attribute, as
 * React Flow rewrites the element's class (on a theme change, say).
 */
export function ZoomedOutMark() {
  const isZoomedOut = useStore(selectIsZoomedOut);
  const canvas = useStore((s) => s.domNode);
  useEffect(() => void canvas?.toggleAttribute('data-zoomed-out', isZoomedOut), [canvas, isZoomedOut]);
  return null;
}
