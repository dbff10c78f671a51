import type { ConnectionState, InternalNode, ReactFlowState, Transform, XYPosition } from '@xyflow/react';
import type { TableId } from '../model/index.ts';

/** A table's box on the canvas, in flow coordinates. */
export interface TableBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What decides where a dragged connection lands: the pointer, where the drag began, and the zoom. */
export interface DropQuery {
  /** The pointer, in flow coordinates. */
  point: XYPosition;
  /** The table the drag started from, and where (flow coordinates). */
  fromTableId: string;
  from: XYPosition;
  zoom: number;
}

/**
 * How far (screen pixels) the pointer must travel before the table dragged from counts as a target:
 * a drag ended back on its own table is a self-reference, a twitch on the side dot is nothing.
 */
export const selfReferenceDistance = 40;

/** How far (screen pixels) around a table a drop still lands on it: the side dots stick out of its box. */
const edgeSlack = 8;

/** A pane point (screen pixels from the canvas's top left) in flow coordinates. */
export function toFlowPoint(pointer: XYPosition, [x, y, zoom]: Transform): XYPosition {
  return { x: (pointer.x - x) / zoom, y: (pointer.y - y) / zoom };
}

const contains = (box: TableBox, point: XYPosition, slack: number) =>
  point.x >= box.x - slack && point.x <= box.x + box.width + slack && point.y >= box.y - slack && point.y <= box.y + box.height + slack;

/**
 * The table a drop at `query.point` connects to, or null: the table under the pointer (the one drawn
 * last when they overlap, as it is on top), else one whose edge is within a few pixels. The table
 * dragged from counts only once the pointer has gone `selfReferenceDistance` from the start.
 */
export function findDropTable(query: DropQuery, boxes: Iterable<TableBox>): string | null {
  const { point, from, zoom } = query;
  const isFarFromStart = Math.hypot(point.x - from.x, point.y - from.y) * zoom >= selfReferenceDistance;
  let under: string | null = null;
  let near: string | null = null;
  for (const box of boxes) {
    if (box.id === query.fromTableId && !isFarFromStart) continue;
    if (contains(box, point, 0)) under = box.id;
    else if (contains(box, point, edgeSlack / zoom)) near = box.id;
  }
  return under ?? near;
}

function* tableBoxes(nodeLookup: Map<string, InternalNode>): Iterable<TableBox> {
  for (const node of nodeLookup.values()) {
    if (node.type !== 'table' || node.hidden) continue;
    const { width, height } = node.measured;
    if (!width || !height) continue;
    yield { id: node.id, ...node.internals.positionAbsolute, width, height };
  }
}

/** The table a connection in progress (or just ended) would connect to, or null: see `findDropTable`. */
export function dropTableOf(
  connection: Pick<ConnectionState, 'fromNode' | 'from' | 'pointer'>,
  transform: Transform,
  nodeLookup: Map<string, InternalNode>,
): TableId | null {
  if (!connection.fromNode || !connection.from || !connection.pointer) return null;
  const query = {
    point: toFlowPoint(connection.pointer, transform),
    fromTableId: connection.fromNode.id,
    from: connection.from,
    zoom: transform[2],
  };
  return findDropTable(query, tableBoxes(nodeLookup)) as TableId | null;
}

let lastConnection: ConnectionState | null = null;
let lastTransform: Transform | null = null;
let lastTarget: TableId | null = null;

/**
 * The table under a connection being dragged, for React Flow's store. Every table node asks on each
 * pointer move, so the answer is kept per connection state: one search per move, not one per table.
 */
export function selectDropTableId(s: ReactFlowState): TableId | null {
  if (!s.connection.inProgress) return null;
  if (s.connection !== lastConnection || s.transform !== lastTransform) {
    lastConnection = s.connection;
    lastTransform = s.transform;
    lastTarget = dropTableOf(s.connection, s.transform, s.nodeLookup);
  }
  return lastTarget;
}
