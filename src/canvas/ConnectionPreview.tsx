import { useMemo } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import type { TableId } from '../model/index.ts';
import { selectSchema, useEditorStore } from '../store/index.ts';
import { readDragConnection } from './connectFromHandles.ts';
import { previewConnection } from './connectPreview.ts';
import { selectDropTableId } from './dropTarget.ts';

const selectDrag = (s: ReactFlowState) => ({
  pointer: s.connection.pointer,
  fromTableId: (s.connection.fromNode?.id ?? null) as TableId | null,
  fromHandleId: s.connection.fromHandle?.id ?? null,
  targetId: selectDropTableId(s),
});

/**
 * Beside the pointer while a connection is dragged: what a drop there makes ("each author has zero or
 * many books", and the foreign-key column), or that a drop on empty canvas makes nothing.
 */
export function ConnectionPreview() {
  const { pointer, fromTableId, fromHandleId, targetId } = useStore(selectDrag, shallow);
  const schema = useEditorStore(selectSchema);
  const preview = useMemo(
    () => (fromTableId && targetId ? previewConnection(schema, readDragConnection(schema, fromTableId, fromHandleId, targetId)) : null),
    [schema, fromTableId, fromHandleId, targetId],
  );
  if (!pointer || !fromTableId) return null;
  return (
    <div className={`connection-preview${preview ? '' : ' idle'}`} style={{ left: pointer.x + 18, top: pointer.y + 18 }} role="status">
      {preview ? (
        <>
          <span className="connection-preview-sentence">{preview.sentence}</span>
          <span className="connection-preview-key">{preview.key}</span>
        </>
      ) : (
        <span>Drop on a table to connect</span>
      )}
    </div>
  );
}
