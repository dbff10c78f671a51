import { markerLength, type Anchor } from './crowsFoot.ts';

/** A table's box on the canvas and the y (from its top) of the row the edge should meet. */
export interface TableBox {
  x: number;
  y: number;
  width: number;
  height: number;
  rowY: number;
}

/**
 * Chooses the sides where an edge meets its two tables: facing sides when the tables stand apart,
 * both right sides when they overlap horizontally (stacked tables, self-references).
 */
export function edgeAnchors(source: TableBox, target: TableBox): { source: Anchor; target: Anchor } {
  const sourceCenter = source.x + source.width / 2;
  const targetCenter = target.x + target.width / 2;
  const gap = markerLength * 2;
  const sourceY = source.y + Math.min(source.rowY, source.height);
  const targetY = target.y + Math.min(target.rowY, target.height);
  if (source.x + source.width + gap <= target.x) {
    return { source: { x: source.x + source.width, y: sourceY, direction: 1 }, target: { x: target.x, y: targetY, direction: -1 } };
  }
  if (target.x + target.width + gap <= source.x) {
    return { source: { x: source.x, y: sourceY, direction: -1 }, target: { x: target.x + target.width, y: targetY, direction: 1 } };
  }
  const side = sourceCenter <= targetCenter ? 1 : -1;
  const sourceX = side === 1 ? source.x + source.width : source.x;
  const targetX = side === 1 ? target.x + target.width : target.x;
  return { source: { x: sourceX, y: sourceY, direction: side }, target: { x: targetX, y: targetY, direction: side } };
}

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
