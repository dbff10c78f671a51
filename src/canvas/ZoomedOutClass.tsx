import { useEffect } from 'react';
import { useStore } from '@xyflow/react';
import { selectIsZoomedOut } from './levelOfDetail.ts';

/**
 * Marks the canvas `zoomed-out` below `detailZoom`, for styles that depend on it: the edges get a layer of
 * their own only when zoomed in, where they sit under names and badges that change; zoomed out, that
 * layer made Chromium re-layer 500 tables on every frame of a pan.
 */
export function ZoomedOutClass() {
  const isZoomedOut = useStore(selectIsZoomedOut);
  const canvas = useStore((s) => s.domNode);
  useEffect(() => void canvas?.classList.toggle('zoomed-out', isZoomedOut), [canvas, isZoomedOut]);
  return null;
}
