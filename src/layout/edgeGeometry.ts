import { markerLength, type Anchor } from './crowsFoot.ts';

/** An SVG path: straight where the markers sit, then a smooth curve between the two stubs. */
export function edgePath(source: Anchor, target: Anchor): { path: string; labelX: number; labelY: number } {
  const s = { x: source.x + source.direction * markerLength, y: source.y };
  const t = { x: target.x + target.direction * markerLength, y: target.y };
  const pull = Math.max(40, Math.abs(t.x - s.x) / 2, source.direction === target.direction ? Math.abs(t.y - s.y) / 3 + 30 : 0);
  const c1 = { x: s.x + source.direction * pull, y: s.y };
  const c2 = { x: t.x + target.direction * pull, y: t.y };
  const path = `M ${source.x} ${source.y} L ${s.x} ${s.y} C ${c1.x} ${c1.y}, ${c2.x} ${c2.y}, ${t.x} ${t.y} L ${target.x} ${target.y}`;
  const labelX = 0.125 * s.x + 0.375 * c1.x + 0.375 * c2.x + 0.125 * t.x;
  const labelY = 0.125 * s.y + 0.375 * c1.y + 0.375 * c2.y + 0.125 * t.y;
  return { path, labelX, labelY };
}
