import { memo, useMemo } from 'react';
import { BaseEdge, useStore, type EdgeProps } from '@xyflow/react';
import { endKindOf, isIdentifyingResolved, type Cardinality, type RelationshipId } from '../model/index.ts';
import {
  selectDescriptionById,
  selectRelationshipById,
  selectRelationshipProblemsById,
  selectResolved,
  selectResolvedById,
  useEditorStore,
  type EditorState,
  type RelationshipFlowEdge,
} from '../store/index.ts';
import { EdgeLabel } from './EdgeLabel.tsx';
import { selectIsZoomedOut } from './levelOfDetail.ts';
import { crowsFootShapes, type Anchor } from '../layout/crowsFoot.ts';
import { useEdgeRoute } from './edgeRoutes.ts';
import { endRowsOf } from '../layout/keyRows.ts';
import { dashedPieces, type DashedPiece } from '../layout/roundedCorners.ts';

function Marker({ end, anchor }: { end: Cardinality; anchor: Anchor }) {
  const { lines, circles } = crowsFootShapes(end, anchor);
  return (
    <g className="crows-foot" data-end-kind={endKindOf(end)}>
      {lines.map((l, i) => (
        <line key={i} {...l} />
      ))}
      {circles.map((c, i) => (
        <circle key={i} {...c} />
      ))}
    </g>
  );
}

/** Whether an edge is drawn solid: flat, so that a keystroke re-renders only the edges it changed (resolving builds new objects each time). */
const selectIsIdentifying = (id: RelationshipId) => (s: EditorState) => {
  const resolved = selectResolvedById(id)(s);
  return resolved !== undefined && isIdentifyingResolved(resolved);
};

/** How an edge's dashes go (7 on, 5 off), as the legend draws them. */
const dashes = '7 5';

/**
 * A non-identifying edge's line: its pieces dashed in phase (see `dashedPieces`: Chromium re-dashes a whole
 * path for every raster tile it touches), under one element carrying React Flow's line class, and the path whole for the pointer.
 */
function DashedLine({ id, path, pieces }: { id: string; path: string; pieces: DashedPiece[] }) {
  return (
    <>
      <g id={id} className="react-flow__edge-path">
        {pieces.map((piece, i) => (
          <path key={i} d={piece.path} fill="none" strokeDasharray={dashes} strokeDashoffset={-piece.start} />
        ))}
      </g>
      <path d={path} fill="none" strokeOpacity={0} strokeWidth={24} className="react-flow__edge-interaction" />
    </>
  );
}

/** A relationship drawn between the key rows of its tables, with a crow's-foot marker on each end. */
function RelationshipEdgeView({ id, data, selected }: EdgeProps<RelationshipFlowEdge>) {
  const relationship = useEditorStore(selectRelationshipById(data!.relationshipId));
  const isIdentifying = useEditorStore(selectIsIdentifying(data!.relationshipId));
  const rows = useEditorStore((s) => endRowsOf(selectResolved(s)));
  const route = useEdgeRoute(id, rows);
  const description = useEditorStore(selectDescriptionById(data!.relationshipId));
  const problems = useEditorStore(selectRelationshipProblemsById(data!.relationshipId));
  const isZoomedOut = useStore(selectIsZoomedOut);
  // Zoomed out every edge is in view and pieces only add elements to paint (panning there fell from 34-42 to 19-32 fps): one dashed path.
  const pieces = useMemo(
    () => (route && !isIdentifying && !isZoomedOut ? dashedPieces(route.points) : null),
    [route, isIdentifying, isZoomedOut],
  );
  if (!route || !relationship) return null;
  const { path, labelX, labelY } = route;
  return (
    <g
      className={`relationship-edge${selected ? ' selected' : ''}${isIdentifying ? ' identifying' : ' non-identifying'}`}
      data-testid="relationship-edge"
      data-relationship-id={relationship.id}
      aria-label={description}
    >
      <title>{description}</title>
      {pieces ? (
        <DashedLine id={id} path={path} pieces={pieces} />
      ) : (
        <BaseEdge id={id} path={path} interactionWidth={24} strokeDasharray={isIdentifying ? undefined : dashes} />
      )}
      <Marker end={relationship.from} anchor={route.source} />
      <Marker end={relationship.to} anchor={route.target} />
      {!isZoomedOut && <EdgeLabel relationshipId={relationship.id} name={relationship.name} problems={problems} x={labelX} y={labelY} />}
    </g>
  );
}

/** Memoized: an edge re-renders when its tables move or its relationship changes. */
export const RelationshipEdge = memo(RelationshipEdgeView);
