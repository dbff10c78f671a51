import { createContext, use, useCallback } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import type { Problem, RelationshipId } from '../model/index.ts';
import { EdgeLabelPortal } from './EdgeLabelPortal.tsx';
import { ProblemBadge } from './ProblemBadge.tsx';
import { ProofBadge } from './ProofBadge.tsx';

/** How far outside the visible canvas (in screen pixels) a label is still drawn, so one panned into view is already there. */
const marginPx = 300;

/** True where every label must be drawn wherever it is (the image export's stage draws the whole diagram off screen). */
export const DrawAllEdgeLabels = createContext(false);

/**
 * A relationship's label at the middle of its edge: name, problem badge, proof badge. Drawn only near
 * the visible canvas: a long edge crossing the view has its middle far away, and with 600 edges the
 * hundreds of unseen labels were re-rendered and restyled when every proof badge changed state.
 */
export function EdgeLabel({
  relationshipId,
  name,
  problems,
  x,
  y,
}: {
  relationshipId: RelationshipId;
  name: string;
  problems: readonly Problem[];
  x: number;
  y: number;
}) {
  const isDrawnAnywhere = use(DrawAllEdgeLabels);
  const selectIsNear = useCallback(
    (s: ReactFlowState) => {
      if (isDrawnAnywhere) return true;
      const [tx, ty, zoom] = s.transform;
      const sx = x * zoom + tx;
      const sy = y * zoom + ty;
      return sx > -marginPx && sy > -marginPx && sx < s.width + marginPx && sy < s.height + marginPx;
    },
    [x, y, isDrawnAnywhere],
  );
  const isNear = useStore(selectIsNear);
  if (!isNear) return null;
  return (
    <EdgeLabelPortal>
      <div
        className="edge-label nodrag nopan"
        data-label-for={relationshipId}
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
      >
        {name && <span className="edge-name">{name}</span>}
        <ProblemBadge problems={problems} />
        <ProofBadge relationshipId={relationshipId} />
      </div>
    </EdgeLabelPortal>
  );
}
