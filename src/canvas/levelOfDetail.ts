import type { ReactFlowState } from '@xyflow/react';

/** Below this zoom a table is drawn as its name alone: its rows would be unreadable and cost a frame. */
export const detailZoom = 0.45;

/** True when the canvas is zoomed out past `detailZoom`: a boolean, so nodes re-render only when it flips. */
export const selectIsZoomedOut = (s: ReactFlowState) => s.transform[2] < detailZoom;

/** How far a whole schema may be zoomed out: far enough that Fit shows all of MusicBrainz after Arrange. */
export const minZoom = 0.02;

/** Each label size differs from the next by this factor: labels are restyled a few times over a zoom, not every frame. */
const labelScaleStep = 1.15;

/**
 * How much larger (in flow units) zoomed-out labels are drawn so they keep the screen size they have at
 * `detailZoom` (a name 28 px high there is 12.6 px on screen): 1 at or above it, growing as the view
 * zooms out, in steps of `labelScaleStep`.
 */
export function labelScale(zoom: number): number {
  if (zoom >= detailZoom) return 1;
  const steps = Math.round(Math.log(detailZoom / zoom) / Math.log(labelScaleStep));
  return Number((labelScaleStep ** steps).toFixed(3));
}

/** `labelScale` for React Flow's store: a number that changes a few times over a zoom, so few renders. */
export const selectLabelScale = (s: ReactFlowState) => labelScale(s.transform[2]);
