import { memo } from 'react';
import { BaseEdge, useInternalNode, useStore, type EdgeProps, type InternalNode } from '@xyflow/react';
import { endKindOf, isIdentifyingResolved, type Cardinality, type ResolvedRelationship } from '../model/index.ts';
import { useShallow } from 'zustand/react/shallow';
import {
  selectDescriptionById,
  selectRelationshipById,
  selectRelationshipProblemsById,
  selectResolvedById,
  useEditorStore,
  type EditorState,
  type RelationshipFlowEdge,
  type TableFlowNode,
} from '../store/index.ts';
import { EdgeLabel } from './EdgeLabel.tsx';
import { selectIsZoomedOut } from './levelOfDetail.ts';
import { crowsFootShapes, type Anchor } from '../layout/crowsFoot.ts';
import { edgeAnchors, edgePath, type TableBox } from '../layout/edgeGeometry.ts';
import { rowCenterY, tableMetrics } from '../layout/tableMetrics.ts';

/** The row an edge should meet in a table: the key column it uses there, or the header. */
function rowIndex(resolved: ResolvedRelationship | undefined, table: string): number {
  if (!resolved || resolved.kind === 'invalid') return -1;
  const columns =
    resolved.kind === 'manyToMany'
      ? table === resolved.from.id
        ? resolved.fromKey
        : resolved.toKey
      : table === resolved.child.id
        ? resolved.columns
        : resolved.parentColumns;
  const tableColumns =
    resolved.kind === 'manyToMany'
      ? (table === resolved.from.id ? resolved.from : resolved.to).columns
      : (table === resolved.child.id ? resolved.child : resolved.parent).columns;
  return tableColumns.findIndex((c) => c.id === columns[0]?.id);
}

function box(node: InternalNode<TableFlowNode>, row: number): TableBox {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? tableMetrics.minWidth,
    height: node.measured.height ?? tableMetrics.headerHeight,
    rowY: row >= 0 ? rowCenterY(row) : tableMetrics.headerHeight / 2,
  };
}

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

/** What an edge draws from its resolved relationship: the row it meets at each end, and whether it is drawn solid. */
interface EdgeDrawing {
  sourceRow: number;
  targetRow: number;
  isIdentifying: boolean;
}

/** An edge's drawing, flat so that `useShallow` compares it field by field: a keystroke re-renders only the edges whose drawing it changed (resolving builds new objects each time). */
function drawingOf(resolved: ResolvedRelationship | undefined, source: string, target: string): EdgeDrawing {
  return {
    sourceRow: rowIndex(resolved, source),
    targetRow: rowIndex(resolved, target),
    isIdentifying: resolved !== undefined && isIdentifyingResolved(resolved),
  };
}

/** A relationship drawn between the key rows of its tables, with a crow's-foot marker on each end. */
function RelationshipEdgeView({ id, source, target, data, selected }: EdgeProps<RelationshipFlowEdge>) {
  const sourceNode = useInternalNode<TableFlowNode>(source);
  const targetNode = useInternalNode<TableFlowNode>(target);
  const relationship = useEditorStore(selectRelationshipById(data!.relationshipId));
  const { sourceRow, targetRow, isIdentifying } = useEditorStore(
    useShallow((s: EditorState) => drawingOf(selectResolvedById(data!.relationshipId)(s), source, target)),
  );
  const description = useEditorStore(selectDescriptionById(data!.relationshipId));
  const problems = useEditorStore(selectRelationshipProblemsById(data!.relationshipId));
  const isZoomedOut = useStore(selectIsZoomedOut);
  if (!sourceNode || !targetNode || !relationship) return null;
  const anchors = edgeAnchors(box(sourceNode, sourceRow), box(targetNode, targetRow));
  const { path, labelX, labelY } = edgePath(anchors.source, anchors.target);
  return (
    <g
      className={`relationship-edge${selected ? ' selected' : ''}${isIdentifying ? ' identifying' : ' non-identifying'}`}
      data-testid="relationship-edge"
      data-relationship-id={relationship.id}
      aria-label={description}
    >
      <title>{description}</title>
      <BaseEdge id={id} path={path} interactionWidth={24} />
      <Marker end={relationship.from} anchor={anchors.source} />
      <Marker end={relationship.to} anchor={anchors.target} />
      {!isZoomedOut && <EdgeLabel relationshipId={relationship.id} name={relationship.name} problems={problems} x={labelX} y={labelY} />}
    </g>
  );
}

/** Memoized: an edge re-renders when its tables move or its relationship changes. */
export const RelationshipEdge = memo(RelationshipEdgeView);
