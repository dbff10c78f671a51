import type { Point } from './orthogonalRoute.ts';

/** A rounded corner of a route: where the straight run before it ends, its control point, and where the next run starts. */
export interface RoundedCorner {
  from: Point;
  control: Point;
  to: Point;
}

/** Corner radius of a route's bends, at most half of either run beside it. */
const cornerRadius = 8;

/** The rounded corner at each inner point of a route, in order: shared by the solid path and the dashed pieces so both draw one line. */
export function roundedCorners(points: readonly Point[]): RoundedCorner[] {
  const corners: RoundedCorner[] = [];
  for (let i = 1; i < points.length - 1; i++) {
    const [a, p, b] = [points[i - 1]!, points[i]!, points[i + 1]!];
    const r = Math.min(cornerRadius, Math.hypot(p.x - a.x, p.y - a.y) / 2, Math.hypot(b.x - p.x, b.y - p.y) / 2);
    const into = unit(a, p);
    const out = unit(p, b);
    corners.push({ from: { x: p.x - into.x * r, y: p.y - into.y * r }, control: p, to: { x: p.x + out.x * r, y: p.y + out.y * r } });
  }
  return corners;
}

/** One piece of a dashed line: its SVG path, and how far along the whole line it starts (the dash phase it picks up). */
export interface DashedPiece {
  path: string;
  start: number;
}

/**
 * A route's line as separate pieces, each straight run and each rounded corner its own path, with the
 * distance along the line where it starts: drawn with `stroke-dashoffset: -start`, the dashes run on
 * from piece to piece as on one path. Why: Chromium's software raster dashes a whole path again for every
 * tile it touches, so a long dashed edge redrawn after a keystroke cost ~17 ms per tile; a straight
 * piece is dashed only where the tile is.
 */
export function dashedPieces(points: readonly Point[]): DashedPiece[] {
  if (points.length < 2) return [];
  const pieces: DashedPiece[] = [];
  let at = points[0]!;
  let walked = 0;
  const run = (to: Point) => {
    const length = Math.hypot(to.x - at.x, to.y - at.y);
    if (length > 0) pieces.push({ path: `M ${at.x} ${at.y} L ${to.x} ${to.y}`, start: walked });
    walked += length;
    at = to;
  };
  for (const { from, control, to } of roundedCorners(points)) {
    run(from);
    const length = quadraticLength(from, control, to);
    if (length > 0) pieces.push({ path: `M ${from.x} ${from.y} Q ${control.x} ${control.y} ${to.x} ${to.y}`, start: walked });
    walked += length;
    at = to;
  }
  run(points[points.length - 1]!);
  return pieces;
}

/** A quadratic curve's length, near enough for a dash phase: the sum of 8 chords. */
function quadraticLength(a: Point, c: Point, b: Point): number {
  let length = 0;
  let previous = a;
  for (let i = 1; i <= 8; i++) {
    const t = i / 8;
    const point = {
      x: (1 - t) * (1 - t) * a.x + 2 * (1 - t) * t * c.x + t * t * b.x,
      y: (1 - t) * (1 - t) * a.y + 2 * (1 - t) * t * c.y + t * t * b.y,
    };
    length += Math.hypot(point.x - previous.x, point.y - previous.y);
    previous = point;
  }
  return length;
}

function unit(a: Point, b: Point): Point {
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  return { x: (b.x - a.x) / length, y: (b.y - a.y) / length };
}
