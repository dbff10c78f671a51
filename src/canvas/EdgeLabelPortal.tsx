import { useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useStore, type ReactFlowState } from '@xyflow/react';

const selectDomNode = (s: ReactFlowState) => s.domNode;

/**
 * React Flow's `EdgeLabelRenderer`, minus its cost: that one looks its container up with
 * `querySelector` in a store selector, so every edge searches the canvas DOM on every pan and zoom
 * frame (seconds of main thread per pan with 600 edges). This looks it up once per canvas.
 */
export function EdgeLabelPortal({ children }: { children: ReactNode }) {
  const domNode = useStore(selectDomNode);
  const container = useMemo(() => domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null, [domNode]);
  return container ? createPortal(children, container) : null;
}
