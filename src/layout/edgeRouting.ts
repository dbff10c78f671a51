import { markerGap, markerLength, type Anchor } from './crowsFoot.ts';
import { orthogonalRoute, roundedPath, RoutingSpace, tablesCrossed, type Point } from './orthogonalRoute.ts';

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
  /** The line drawn, from anchor to anchor, as straight segments (the path rounds their corners). */
  points: Point[];
  /** How many tables the line passes through where no way round was found: kept while dragging unless more. */
  tablesCrossed: number;
  path: string;
  labelX: number;
  labelY: number;
}

/** A table's sides, clockwise from the top. */
type Side = 0 | 1 | 2 | 3;
const [top, right, bottom, left] = [0, 1, 2, 3] as const;

/** One end of an edge on one side of a table, before it gets its own place along that side. */
interface End {
  key: string;
  table: TableRect;
  side: Side;
  /** The y of its key row (left and right sides keep it where they can). */
  preferredY: number;
  /** Where the edge heads, as an angle from the side's outward normal (clockwise positive): the order that keeps ends from crossing. */
  heading: number;
  /** The point the edge heads for: its other end's table centre, at the row it meets there. */
  toward: { x: number; y: number };
  /** Its place along the side: a y on the left and right, an x on the top and bottom. */
  at: number;
}

/** Room kept free at each end of a side, so a marker never hangs over the table's corner. */
const cornerMargin = markerGap / 2;

const center = (t: TableRect) => ({ x: t.x + t.width / 2, y: t.y + t.height / 2 });

/** The sides where an edge meets its tables: facing sides when they stand apart, the same side when they overlap (stacked tables, self-references). */
function sidesOf(source: TableRect, target: TableRect, isLoop: boolean): [Side, Side] {
  const gap = markerLength * 2;
  if (!isLoop && source.x + source.width + gap <= target.x) return [right, left];
  if (!isLoop && target.x + target.width + gap <= source.x) return [left, right];
  if (!isLoop && source.y + source.height + gap <= target.y) return [bottom, top];
  if (!isLoop && target.y + target.height + gap <= source.y) return [top, bottom];
  const side = isLoop || center(source).x <= center(target).x ? right : left;
  return [side, side];
}

/** The angle from a side's outward normal to the direction from the table's centre towards a point, in (-π, π]. */
function headingFrom(table: TableRect, side: Side, toward: { x: number; y: number }): number {
  const c = center(table);
  const angle = Math.atan2(toward.y - c.y, toward.x - c.x) - ((side - 1) * Math.PI) / 2;
  return Math.atan2(Math.sin(angle), Math.cos(angle));
}

/** Whether a side's coordinate grows clockwise round the table (top and right) or against it (bottom and left). */
const growsClockwise = (side: Side) => side === top || side === right;

/** How many edge ends fit round a table with their markers apart: beyond that, markers must overlap. */
export function endsTableHolds(table: TableRect): number {
  return ([top, right, bottom, left] as const).reduce<number>((sum, side) => sum + capacity(table, side), 0);
}

/** How many ends fit on a side with their markers apart. */
function capacity(table: TableRect, side: Side): number {
  const length = side === top || side === bottom ? table.width : table.height;
  return Math.max(1, Math.floor((length - 2 * cornerMargin) / markerGap) + 1);
}

/** The span of a side's coordinate where ends may sit. */
function span(table: TableRect, side: Side): [number, number] {
  const [start, length] = side === top || side === bottom ? [table.x, table.width] : [table.y, table.height];
  const margin = Math.min(cornerMargin, length / 2);
  return [start + margin, start + length - margin];
}

/**
 * Gives the ends on the left or right side of a table their own places: each at its key row where it
 * can, ends wanting the same row fanned out around it in the order of their headings (so they do not
 * cross), pushed apart where rows are too close, and kept within the side; a side too short for its
 * ends shares it out evenly.
 */
function placeAlongSide(ends: End[], side: Side): void {
  const order = growsClockwise(side) ? 1 : -1;
  ends.sort((a, b) => a.preferredY - b.preferredY || order * (a.heading - b.heading) || (a.key < b.key ? -1 : 1));
  const [low, high] = span(ends[0]!.table, side);
  if ((ends.length - 1) * markerGap > high - low) return spreadEvenly(ends, low, high);
  for (let i = 0; i < ends.length;) {
    let j = i;
    while (j < ends.length && ends[j]!.preferredY === ends[i]!.preferredY) j++;
    for (let k = i; k < j; k++) ends[k]!.at = ends[i]!.preferredY + (k - i - (j - i - 1) / 2) * markerGap;
    i = j;
  }
  for (let i = 0; i < ends.length; i++) ends[i]!.at = Math.max(ends[i]!.at, low, i > 0 ? ends[i - 1]!.at + markerGap : low);
  for (let i = ends.length - 1; i >= 0; i--)
    ends[i]!.at = Math.min(ends[i]!.at, high, i < ends.length - 1 ? ends[i + 1]!.at - markerGap : high);
}

/** Ends on the top or bottom (no rows there) stand evenly spaced in the order of their headings. */
function placeAcrossSide(ends: End[], side: Side): void {
  const order = growsClockwise(side) ? 1 : -1;
  ends.sort((a, b) => order * (a.heading - b.heading) || (a.key < b.key ? -1 : 1));
  const [low, high] = span(ends[0]!.table, side);
  const step = Math.min(markerGap * 2, (high - low) / ends.length);
  const start = (low + high) / 2 - (step * (ends.length - 1)) / 2;
  ends.forEach((end, i) => (end.at = start + i * step));
}

function spreadEvenly(ends: End[], low: number, high: number): void {
  const step = ends.length > 1 ? (high - low) / (ends.length - 1) : 0;
  ends.forEach((end, i) => (end.at = ends.length > 1 ? low + i * step : (low + high) / 2));
}

/**
 * A side with more ends than fit hands the ends heading furthest round to its neighbouring sides while
 * they have room (on the right side, those heading up go to the top, those heading down to the
 * bottom), keeping their order; ends go on round the table until every side holds what it can.
 */
function overflowToNeighbours(sides: Map<string, End[]>, tableId: string, table: TableRect): void {
  const endsOn = (side: Side) => sides.get(`${tableId}:${side}`) ?? [];
  // A side passes its extra ends on away from the sides it took ends from, so none come back.
  const receivedFrom = new Map<Side, Set<Side>>([top, right, bottom, left].map((side) => [side, new Set<Side>()]));
  for (let round = 0; round < 4; round++) {
    let isMoved = false;
    for (const side of [right, left, top, bottom] as const) {
      const ends = endsOn(side);
      const over = ends.length - capacity(table, side);
      if (over <= 0) continue;
      const [before, after] = [((side + 3) % 4) as Side, ((side + 1) % 4) as Side];
      const [mayBefore, mayAfter] = [!receivedFrom.get(side)!.has(before), !receivedFrom.get(side)!.has(after)];
      if (!mayBefore && !mayAfter) continue;
      const toBefore = !mayBefore ? 0 : !mayAfter ? over : Math.ceil(over / 2);
      ends.sort((a, b) => a.heading - b.heading);
      const moves: [End[], Side][] = [
        [ends.splice(0, toBefore), before],
        [ends.splice(ends.length - (over - toBefore), over - toBefore), after],
      ];
      for (const [moved, to] of moves) {
        if (moved.length > 0) receivedFrom.get(to)!.add(side);
        for (const end of moved) {
          end.side = to;
          end.heading = headingFrom(table, to, end.toward);
          addEnd(sides, tableId, end);
        }
      }
      isMoved = true;
    }
    if (!isMoved) return;
  }
}

function addEnd(sides: Map<string, End[]>, tableId: string, end: End): void {
  const key = `${tableId}:${end.side}`;
  const list = sides.get(key);
  if (list) list.push(end);
  else sides.set(key, [end]);
}

/**
 * Lays out every edge of a diagram at once, because where one edge meets a table depends on the
 * others there: each end gets its own anchor along its side (see `placeAlongSide`), so two
 * relationships between the same tables are drawn apart and a self-reference is a loop out of one
 * side and back with both ends visible; a side with more ends than it holds passes some round the
 * corner. Lines go round the tables in their way (`orthogonalRoute`); given the `previous` routes
 * (the last frame of a drag), unmoved edges crossing no more tables than when routed keep theirs. Edges whose table
 * is missing are left out.
 */
export function routeEdges(
  tables: ReadonlyMap<string, TableRect>,
  edges: readonly EdgeRequest[],
  previous?: ReadonlyMap<string, EdgeRoute>,
): Map<string, EdgeRoute> {
  const sides = new Map<string, End[]>();
  const endsOf: { id: string; source: End; target: End }[] = [];
  for (const edge of edges) {
    const source = tables.get(edge.source);
    const target = tables.get(edge.target);
    if (!source || !target) continue;
    const [sourceSide, targetSide] = sidesOf(source, target, edge.source === edge.target);
    const sourceY = source.y + Math.min(edge.sourceRowY, source.height);
    const targetY = target.y + Math.min(edge.targetRowY, target.height);
    const end = (id: string, table: TableRect, side: Side, y: number, other: { x: number; y: number }): End => ({
      key: id,
      table,
      side,
      preferredY: y,
      heading: headingFrom(table, side, other),
      toward: other,
      at: y,
    });
    const sourceEnd = end(`${edge.id}:s`, source, sourceSide, sourceY, { x: center(target).x, y: targetY });
    const targetEnd = end(`${edge.id}:t`, target, targetSide, targetY, { x: center(source).x, y: sourceY });
    addEnd(sides, edge.source, sourceEnd);
    addEnd(sides, edge.target, targetEnd);
    endsOf.push({ id: edge.id, source: sourceEnd, target: targetEnd });
  }
  for (const [tableId, table] of tables) overflowToNeighbours(sides, tableId, table);
  for (const ends of sides.values()) {
    const side = ends[0]!.side;
    if (side === left || side === right) placeAlongSide(ends, side);
    else placeAcrossSide(ends, side);
  }
  const space = new RoutingSpace([...tables.values()]);
  const placed = endsOf.map(({ id, source, target }) => ({ id, source: anchorOf(source), target: anchorOf(target) }));
  // Short edges first: they take the direct ways, longer ones go round them.
  placed.sort((a, b) => distance(a.source, a.target) - distance(b.source, b.target));
  const routes = new Map<string, EdgeRoute>();
  // While dragging, an edge whose ends stayed put and whose line still crosses no table keeps its line: only the moved ones are routed again.
  for (const { id, source, target } of placed) {
    const before = previous?.get(id);
    if (
      before &&
      isSameAnchor(before.source, source) &&
      isSameAnchor(before.target, target) &&
      tablesCrossed(before.points.slice(1, -1), space) <= before.tablesCrossed
    ) {
      space.draw(before.points.slice(1, -1));
      routes.set(id, before);
    }
  }
  for (const { id, source, target } of placed) {
    if (routes.has(id)) continue;
    const points = orthogonalRoute(source, target, space);
    routes.set(id, { source, target, points, tablesCrossed: tablesCrossed(points.slice(1, -1), space), ...roundedPath(points) });
  }
  return new Map(endsOf.filter(({ id }) => routes.has(id)).map(({ id }) => [id, routes.get(id)!]));
}

const isSameAnchor = (a: Anchor, b: Anchor) => a.x === b.x && a.y === b.y && a.direction === b.direction && a.isVertical === b.isVertical;

const distance = (a: Point, b: Point) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);

function anchorOf({ table, side, at }: End): Anchor {
  if (side === right) return { x: table.x + table.width, y: at, direction: 1 };
  if (side === left) return { x: table.x, y: at, direction: -1 };
  return { x: at, y: side === top ? table.y : table.y + table.height, direction: side === top ? -1 : 1, isVertical: true };
}
