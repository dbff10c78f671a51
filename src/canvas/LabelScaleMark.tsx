import { useEffect } from 'react';
import { useStore } from '@xyflow/react';
import { selectLabelScale } from './levelOfDetail.ts';

/**
 * Sets `--label-scale` on the canvas: zoomed out, table names and note summaries are drawn that much
 * larger, so they stay legible when a whole schema is fitted on screen. One CSS variable, so no table
 * re-renders when it changes; the browser restyles the labels in view.
 */
export function LabelScaleMark() {
  const scale = useStore(selectLabelScale);
  const canvas = useStore((s) => s.domNode);
  useEffect(() => canvas?.style.setProperty('--label-scale', String(scale)), [canvas, scale]);
  return null;
}
