import { markerLength, type Anchor } from './crowsFoot.ts';
import type { TableRect } from './edgeRouting.ts';
import { roundedCorners } from './roundedCorners.ts';

/** A point in flow coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** Clearance kept between a line and a table it passes. */
const clearance = 14;
/** How far apart lines sharing a corridor are drawn, so none sits on another. */
const laneGap = 8;
const cellSize = 256;
const bendCost = 30;
const crossingCost = 100_000;
const sharedCost = 400;
/** Corridor coordinates tried per axis, nearest the straight line first: enough to find a way round, few enough for a drag frame. */
const maxCorridors = 8;

/** Tables and already drawn lines, bucketed on a coarse grid so a segment is tested against its neighbours only. */
export class RoutingSpace {
  private readonly tableCells = new Map<number, number[]>();
  private readonly seenAt: number[];
  private stamp = 0;
  /** Drawn lines by the lane they run in: vertical ones by x, horizontal ones by y (rounded to the lane gap). */
  private readonly lanes = { vertical: new Map<number, Segment[]>(), horizontal: new Map<number, Segment[]>() };

  constructor(private readonly tables: readonly TableRect[]) {
    this.seenAt = tables.map(() => 0);
    tables.forEach((t, i) =>
      this.eachCell(t.x - clearance, t.y - clearance, t.x + t.width + clearance, t.y + t.height + clearance, (k) =>
        push(this.tableCells, k, i),
      ),
    );
  }

  /** Tables near a box, each once. */
  tablesNear(x1: number, y1: number, x2: number, y2: number): TableRect[] {
    const found: TableRect[] = [];
    const stamp = ++this.stamp;
    this.eachCell(x1, y1, x2, y2, (k) => {
      for (const i of this.tableCells.get(k) ?? []) {
        if (this.seenAt[i] === stamp) continue;
        this.seenAt[i] = stamp;
        found.push(this.tables[i]!);
      }
    });
    return found;
  }

  /** How many tables an axis-aligned segment passes through (with clearance), and how much of it runs on lines already drawn. */
  score(a: Point, b: Point): { crossings: number; shared: number } {
    const [x1, x2, y1, y2] = [Math.min(a.x, b.x), Math.max(a.x, b.x), Math.min(a.y, b.y), Math.max(a.y, b.y)];
    let crossings = 0;
    for (const t of this.tablesNear(x1, y1, x2, y2)) {
      if (x1 < t.x + t.width + clearance && x2 > t.x - clearance && y1 < t.y + t.height + clearance && y2 > t.y - clearance) crossings++;
    }
    let shared = 0;
    const isVertical = x1 === x2;
    const [at, from, to] = isVertical ? [x1, y1, y2] : [y1, x1, x2];
    const lanes = isVertical ? this.lanes.vertical : this.lanes.horizontal;
    const lane = Math.round(at / laneGap);
    for (let k = lane - 1; k <= lane + 1; k++) {
      for (const s of lanes.get(k) ?? []) if (Math.abs(s.at - at) < laneGap && s.from < to && s.to > from) shared++;
    }
    return { crossings, shared };
  }

  /** Records a drawn line, so later lines keep off it. */
  draw(points: readonly Point[]): void {
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1]!, points[i]!];
      const isVertical = a.x === b.x;
      const segment: Segment = isVertical
        ? { at: a.x, from: Math.min(a.y, b.y), to: Math.max(a.y, b.y) }
        : { at: a.y, from: Math.min(a.x, b.x), to: Math.max(a.x, b.x) };
      push(isVertical ? this.lanes.vertical : this.lanes.horizontal, Math.round(segment.at / laneGap), segment);
    }
  }

  private eachCell(x1: number, y1: number, x2: number, y2: number, visit: (key: number) => void): void {
    for (let cx = Math.floor(x1 / cellSize); cx <= Math.floor(x2 / cellSize); cx++) {
      for (let cy = Math.floor(y1 / cellSize); cy <= Math.floor(y2 / cellSize); cy++) visit(cx * 100_003 + cy);
    }
  }
}

interface Segment {
  at: number;
  from: number;
  to: number;
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const outward = (a: Anchor): Point => (a.isVertical ? { x: 0, y: a.direction } : { x: a.direction, y: 0 });

/** Corridor coordinates on one axis: the straight ones, lanes beside them, and just outside each table near the way. */
function corridors(straight: number[], edges: number[], middle: number): number[] {
  const lanes = straight.flatMap((c) => [c, c - laneGap, c + laneGap, c - 2 * laneGap, c + 2 * laneGap]);
  const outside = edges.flatMap((c) => [c, c + Math.sign(c - middle || 1) * laneGap]);
  const unique = [...new Set([...lanes, ...outside].map(Math.round))];
  return unique.sort((p, q) => Math.abs(p - middle) - Math.abs(q - middle)).slice(0, maxCorridors * 2);
}

/**
 * An orthogonal path between two anchors that goes round the tables in its way (and off lines already
 * drawn): straight stubs where the markers sit, then the cheapest of a few three- and five-segment
 * shapes through corridors beside the tables near the way (length, bends, and above all tables crossed).
 * The chosen path is recorded in `space`, so the next edges keep their distance.
 */
export function orthogonalRoute(source: Anchor, target: Anchor, space: RoutingSpace): Point[] {
  const [so, to] = [outward(source), outward(target)];
  const s = { x: source.x + so.x * markerLength, y: source.y + so.y * markerLength };
  const t = { x: target.x + to.x * markerLength, y: target.y + to.y * markerLength };
  const direct = {
    xs: corridors([(s.x + t.x) / 2, s.x, t.x], [], (s.x + t.x) / 2),
    ys: corridors([(s.y + t.y) / 2, s.y, t.y], [], (s.y + t.y) / 2),
  };
  const natural = simplified(
    s.y === t.y || (!source.isVertical && !target.isVertical)
      ? [s, { x: direct.xs[0]!, y: s.y }, { x: direct.xs[0]!, y: t.y }, t]
      : [s, { x: s.x, y: direct.ys[0]! }, { x: t.x, y: direct.ys[0]! }, t],
  );
  if (leavesOutward(natural, so, to) && isClear(natural, space)) return drawn(natural, source, target, space);
  let best = cheapest(threeSegments(s, t, direct.xs, direct.ys), so, to, space, { points: [s, t], cost: Infinity });
  if (best.cost < crossingCost) return drawn(best.points, source, target, space);
  const margin = 160;
  const near = space.tablesNear(
    Math.min(s.x, t.x) - margin,
    Math.min(s.y, t.y) - margin,
    Math.max(s.x, t.x) + margin,
    Math.max(s.y, t.y) + margin,
  );
  const xs = corridors(
    [],
    near.flatMap((r) => [r.x - clearance - 4, r.x + r.width + clearance + 4]),
    (s.x + t.x) / 2,
  );
  const ys = corridors(
    [],
    near.flatMap((r) => [r.y - clearance - 4, r.y + r.height + clearance + 4]),
    (s.y + t.y) / 2,
  );
  best = cheapest(threeSegments(s, t, xs, ys), so, to, space, best);
  if (best.cost >= crossingCost) {
    const fiveSegments: Point[][] = [];
    const [allXs, allYs] = [
      [...direct.xs.slice(0, 2), ...xs.slice(0, 2)],
      [...direct.ys.slice(0, 2), ...ys.slice(0, 6)],
    ];
    for (const m of allYs) {
      for (const a of allXs) {
        for (const b of allXs) fiveSegments.push([s, { x: a, y: s.y }, { x: a, y: m }, { x: b, y: m }, { x: b, y: t.y }, t]);
      }
    }
    best = cheapest(fiveSegments, so, to, space, best);
  }
  return drawn(best.points, source, target, space);
}

/** Records a chosen path in the space and returns it with the anchors at its two ends. */
function drawn(path: Point[], source: Anchor, target: Anchor, space: RoutingSpace): Point[] {
  space.draw(path);
  return simplified([{ x: source.x, y: source.y }, ...path, { x: target.x, y: target.y }]);
}

/** Whether a path crosses no table and runs on no line already drawn. */
function isClear(points: readonly Point[], space: RoutingSpace): boolean {
  for (let i = 1; i < points.length; i++) {
    const { crossings, shared } = space.score(points[i - 1]!, points[i]!);
    if (crossings > 0 || shared > 0) return false;
  }
  return true;
}

/** How many times a path passes through a table (none, unless no way round was found). */
export function tablesCrossed(points: readonly Point[], space: RoutingSpace): number {
  let count = 0;
  for (let i = 1; i < points.length; i++) count += space.score(points[i - 1]!, points[i]!).crossings;
  return count;
}

/** Three-segment shapes: across, along a corridor, across again (or the same turned a quarter). */
function threeSegments(s: Point, t: Point, xs: number[], ys: number[]): Point[][] {
  return [...xs.map((m) => [s, { x: m, y: s.y }, { x: m, y: t.y }, t]), ...ys.map((m) => [s, { x: s.x, y: m }, { x: t.x, y: m }, t])];
}

/**
 * The cheapest candidate (length, bends, tables crossed, lines shared), or `best` when none beats it:
 * candidates are scored in the order of their length and bends, and scoring stops once that alone costs more than the best found.
 */
function cheapest(candidates: Point[][], so: Point, to: Point, space: RoutingSpace, best: { points: Point[]; cost: number }) {
  const bounded = candidates
    .map(simplified)
    .filter((points) => leavesOutward(points, so, to))
    .map((points) => ({ points, bound: (points.length - 2) * bendCost + lengthOf(points) }))
    .sort((a, b) => a.bound - b.bound);
  for (const { points, bound } of bounded) {
    if (bound >= best.cost) break;
    let cost = bound;
    for (let i = 1; i < points.length && cost < best.cost; i++) {
      const { crossings, shared } = space.score(points[i - 1]!, points[i]!);
      cost += crossings * crossingCost + shared * sharedCost;
    }
    if (cost < best.cost) best = { points, cost };
  }
  return best;
}

function lengthOf(points: readonly Point[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) length += Math.abs(points[i]!.x - points[i - 1]!.x) + Math.abs(points[i]!.y - points[i - 1]!.y);
  return length;
}

/** Drops repeated points and the middle of straight runs. */
function simplified(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) out.pop();
    out.push(p);
  }
  return out;
}

/** Whether a path leaves its source stub and enters its target stub without doubling back into either table. */
function leavesOutward(points: Point[], sourceOut: Point, targetOut: Point): boolean {
  if (points.length < 2) return true;
  const [a, b] = [points[0]!, points[1]!];
  const [c, d] = [points[points.length - 2]!, points[points.length - 1]!];
  return (b.x - a.x) * sourceOut.x + (b.y - a.y) * sourceOut.y >= 0 && (d.x - c.x) * targetOut.x + (d.y - c.y) * targetOut.y <= 0;
}

/** An SVG path through a route's points, its corners rounded, and the point halfway along it for the label. */
export function roundedPath(points: readonly Point[]): { path: string; labelX: number; labelY: number } {
  let path = `M ${points[0]!.x} ${points[0]!.y}`;
  for (const { from, control, to } of roundedCorners(points)) path += ` L ${from.x} ${from.y} Q ${control.x} ${control.y} ${to.x} ${to.y}`;
  const last = points[points.length - 1]!;
  path += ` L ${last.x} ${last.y}`;
  const half = points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y), 0) / 2;
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (walked + length >= half && length > 0) {
      const u = (half - walked) / length;
      return { path, labelX: a.x + (b.x - a.x) * u, labelY: a.y + (b.y - a.y) * u };
    }
    walked += length;
  }
  return { path, labelX: last.x, labelY: last.y };
}
