import type { ReactFlowState } from '@xyflow/react';

/** Below this zoom a table is drawn as its name alone: its rows would be unreadable and cost a frame. */
export const detailZoom = 0.45;

/** True when the canvas is zoomed out past `detailZoom`: a boolean, so nodes re-render only when it flips. */
export const selectIsZoomedOut = (s: ReactFlowState) => s.transform[2] < detailZoom;
