import { markerGap, markerLength, type Anchor } from './crowsFoot.ts';
import { edgePath } from './edgeGeometry.ts';

/** A table's box on the canvas, in flow coordinates. */
export interface TableRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One relationship to draw: its two tables and the y (from each table's top) of the row it would meet there. */
export interface EdgeRequest {
  id: string;
  source: string;
  target: string;
  sourceRowY: number;
  targetRowY: number;
}

/** Where an edge meets its tables and the SVG path between them. */
export interface EdgeRoute {
  source: Anchor;
  target: Anchor;
  path: string;
  labelX: number;
  labelY: number;
}

/** One end of an edge on one side of a table, before it gets its own place along that side. */
interface End {
  key: string;
  table: TableRect;
  direction: 1 | -1;
  preferredY: number;
  otherY: number;
  y: number;
}

/** Room kept free at the top and bottom of a side, so a marker never hangs over the table's corner. */
const cornerMargin = markerGap / 2;

/** The sides where an edge meets its tables: facing sides when they stand apart, the same side when they overlap (stacked tables, self-references). */
function sidesOf(source: TableRect, target: TableRect, isLoop: boolean): [1 | -1, 1 | -1] {
  const gap = markerLength * 2;
  if (!isLoop && source.x + source.width + gap <= target.x) return [1, -1];
  if (!isLoop && target.x + target.width + gap <= source.x) return [-1, 1];
  const side = isLoop || source.x + source.width / 2 <= target.x + target.width / 2 ? 1 : -1;
  return [side, side];
}

/**
 * Gives the ends on one side of a table their own places: each at its key row where it can, ends
 * wanting the same row fanned out around it in the order of their other ends (so they do not cross),
 * pushed apart where rows are too close, and kept within the side; a side too short for its ends
 * shares it out evenly.
 */
function placeAlongSide(ends: End[]): void {
  ends.sort((a, b) => a.preferredY - b.preferredY || a.otherY - b.otherY || (a.key < b.key ? -1 : 1));
  const { y: top, height } = ends[0]!.table;
  const low = top + Math.min(cornerMargin, height / 2);
  const high = top + height - Math.min(cornerMargin, height / 2);
  if ((ends.length - 1) * markerGap > high - low) {
    const step = ends.length > 1 ? (high - low) / (ends.length - 1) : 0;
    ends.forEach((end, i) => (end.y = ends.length > 1 ? low + i * step : (low + high) / 2));
    return;
  }
  for (let i = 0; i < ends.length;) {
    let j = i;
    while (j < ends.length && ends[j]!.preferredY === ends[i]!.preferredY) j++;
    const count = j - i;
    for (let k = 0; k < count; k++) ends[i + k]!.y = ends[i]!.preferredY + (k - (count - 1) / 2) * markerGap;
    i = j;
  }
  for (let i = 0; i < ends.length; i++) ends[i]!.y = Math.max(ends[i]!.y, low, i > 0 ? ends[i - 1]!.y + markerGap : low);
  for (let i = ends.length - 1; i >= 0; i--)
    ends[i]!.y = Math.min(ends[i]!.y, high, i < ends.length - 1 ? ends[i + 1]!.y - markerGap : high);
}

/**
 * Lays out every edge of a diagram at once, because where one edge meets a table depends on the
 * others there: each end gets its own anchor along its side (see `placeAlongSide`), so two
 * relationships between the same tables are drawn apart and a self-reference is a loop out of one
 * side and back with both ends visible. Edges whose table is missing are left out.
 */
export function routeEdges(tables: ReadonlyMap<string, TableRect>, edges: readonly EdgeRequest[]): Map<string, EdgeRoute> {
  const sides = new Map<string, End[]>();
  const endsOf: { id: string; source: End; target: End }[] = [];
  const addEnd = (tableId: string, end: End) => {
    const sideKey = `${tableId}\u0000${end.direction}`;
    const list = sides.get(sideKey);
    if (list) list.push(end);
    else sides.set(sideKey, [end]);
  };
  for (const edge of edges) {
    const source = tables.get(edge.source);
    const target = tables.get(edge.target);
    if (!source || !target) continue;
    const [sourceSide, targetSide] = sidesOf(source, target, edge.source === edge.target);
    const sourceY = source.y + Math.min(edge.sourceRowY, source.height);
    const targetY = target.y + Math.min(edge.targetRowY, target.height);
    const sourceEnd: End = { key: `${edge.id}:s`, table: source, direction: sourceSide, preferredY: sourceY, otherY: targetY, y: sourceY };
    const targetEnd: End = { key: `${edge.id}:t`, table: target, direction: targetSide, preferredY: targetY, otherY: sourceY, y: targetY };
    addEnd(edge.source, sourceEnd);
    addEnd(edge.target, targetEnd);
    endsOf.push({ id: edge.id, source: sourceEnd, target: targetEnd });
  }
  for (const ends of sides.values()) placeAlongSide(ends);
  const routes = new Map<string, EdgeRoute>();
  for (const { id, source, target } of endsOf) {
    const sourceAnchor = anchorOf(source);
    const targetAnchor = anchorOf(target);
    routes.set(id, { source: sourceAnchor, target: targetAnchor, ...edgePath(sourceAnchor, targetAnchor) });
  }
  return routes;
}

function anchorOf(end: End): Anchor {
  return { x: end.direction === 1 ? end.table.x + end.table.width : end.table.x, y: end.y, direction: end.direction };
}
