import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditorStore } from '../store/index.ts';
import { estimatedSize } from '../layout/autoLayout.ts';
import { diagramBounds } from '../layout/diagramBounds.ts';

/**
 * Fits a newly opened document (another stored one, a template, an import, a file) in view, so its
 * tables are on screen whatever the last document's viewport was. Bounds come from the layout and
 * estimated table sizes: with only visible elements rendered, most tables are not measured yet.
 */
export function FitOnOpen() {
  const documentId = useEditorStore((s) => s.documentId);
  const { fitBounds } = useReactFlow();
  const seen = useRef(documentId);
  useEffect(() => {
    if (seen.current === documentId) return;
    seen.current = documentId;
    const { document } = useEditorStore.getState();
    const bounds = diagramBounds(document, (table) => estimatedSize(table));
    if (bounds) void fitBounds(bounds, { padding: 0.15 });
  }, [documentId, fitBounds]);
  return null;
}
