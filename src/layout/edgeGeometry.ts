import { markerLength, type Anchor } from './crowsFoot.ts';

interface Point {
  x: number;
  y: number;
}

/** The curve between two anchors: straight stubs where the markers sit, then a cubic Bézier from stub end `s` to stub end `t`. */
function edgeCurve(source: Anchor, target: Anchor): { s: Point; c1: Point; c2: Point; t: Point } {
  const [sourceOut, targetOut] = [outward(source), outward(target)];
  const s = { x: source.x + sourceOut.x * markerLength, y: source.y + sourceOut.y * markerLength };
  const t = { x: target.x + targetOut.x * markerLength, y: target.y + targetOut.y * markerLength };
  const [along, across] = source.isVertical ? [Math.abs(t.y - s.y), Math.abs(t.x - s.x)] : [Math.abs(t.x - s.x), Math.abs(t.y - s.y)];
  const isSameSide = Boolean(source.isVertical) === Boolean(target.isVertical) && source.direction === target.direction;
  const isTurning = Boolean(source.isVertical) !== Boolean(target.isVertical);
  const pull = Math.max(40, isTurning ? Math.max(along, across) / 2 : along / 2, isSameSide ? across / 3 + 30 : 0);
  const c1 = { x: s.x + sourceOut.x * pull, y: s.y + sourceOut.y * pull };
  const c2 = { x: t.x + targetOut.x * pull, y: t.y + targetOut.y * pull };
  return { s, c1, c2, t };
}

/** The unit vector pointing away from the table at an anchor. */
function outward(anchor: Anchor): Point {
  return anchor.isVertical ? { x: 0, y: anchor.direction } : { x: anchor.direction, y: 0 };
}

/** An SVG path: straight where the markers sit, then a smooth curve between the two stubs. */
export function edgePath(source: Anchor, target: Anchor): { path: string; labelX: number; labelY: number } {
  const { s, c1, c2, t } = edgeCurve(source, target);
  const path = `M ${source.x} ${source.y} L ${s.x} ${s.y} C ${c1.x} ${c1.y}, ${c2.x} ${c2.y}, ${t.x} ${t.y} L ${target.x} ${target.y}`;
  const labelX = 0.125 * s.x + 0.375 * c1.x + 0.375 * c2.x + 0.125 * t.x;
  const labelY = 0.125 * s.y + 0.375 * c1.y + 0.375 * c2.y + 0.125 * t.y;
  return { path, labelX, labelY };
}

/** The drawn path as a polyline (the curve sampled in `steps` pieces), for geometry checks such as which tables a line crosses. */
export function edgePolyline(source: Anchor, target: Anchor, steps = 24): Point[] {
  const { s, c1, c2, t } = edgeCurve(source, target);
  const points: Point[] = [{ x: source.x, y: source.y }];
  for (let i = 0; i <= steps; i++) {
    const u = i / steps;
    const [a, b, c, d] = [(1 - u) ** 3, 3 * u * (1 - u) ** 2, 3 * u * u * (1 - u), u ** 3];
    points.push({ x: a * s.x + b * c1.x + c * c2.x + d * t.x, y: a * s.y + b * c1.y + c * c2.y + d * t.y });
  }
  points.push({ x: target.x, y: target.y });
  return points;
}
