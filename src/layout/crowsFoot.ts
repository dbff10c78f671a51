import type { Cardinality } from '../model/index.ts';

/**
 * Where an edge meets a table: the point on its side, and which way the edge leaves: +1 right, -1 left,
 * or, on the top and bottom sides (`isVertical`), +1 down and -1 up.
 */
export interface Anchor {
  x: number;
  y: number;
  direction: 1 | -1;
  isVertical?: boolean;
}

/** SVG primitives for one end marker. */
export interface MarkerShapes {
  lines: { x1: number; y1: number; x2: number; y2: number }[];
  circles: { cx: number; cy: number; r: number }[];
}

/** Length of the straight stretch where markers sit, before the curve starts. */
export const markerLength = 36;

const spread = 8;
const footLength = 16;
const maxBarAt = 9;
const minAt = 25;
const circleRadius = 5;

/**
 * Draws a crow's-foot end: the shape nearest the table is the maximum (a bar for one, a foot for many),
 * the outer shape the minimum (a bar for one, a circle for zero). Pure geometry, so it is tested without a browser.
 */
export function crowsFootShapes(end: Cardinality, anchor: Anchor): MarkerShapes {
  if (anchor.isVertical) return turned(crowsFootShapes(end, { ...anchor, isVertical: false }), anchor);
  const { x, y, direction: d } = anchor;
  const at = (distance: number) => x + d * distance;
  const lines: MarkerShapes['lines'] = [];
  const circles: MarkerShapes['circles'] = [];
  if (end.max === 'many') {
    for (const toeY of [y - spread, y, y + spread]) lines.push({ x1: at(footLength), y1: y, x2: x, y2: toeY });
  } else {
    lines.push({ x1: at(maxBarAt), y1: y - spread, x2: at(maxBarAt), y2: y + spread });
  }
  if (end.min === 1) {
    lines.push({ x1: at(minAt - 3), y1: y - spread, x2: at(minAt - 3), y2: y + spread });
  } else {
    circles.push({ cx: at(minAt + circleRadius - 3), cy: y, r: circleRadius });
  }
  return { lines, circles };
}

/** Shapes drawn for a left or right side turned a quarter round about the anchor, for a top or bottom side. */
function turned({ lines, circles }: MarkerShapes, { x, y }: Anchor): MarkerShapes {
  const turn = (px: number, py: number) => ({ x: x + (py - y), y: y + (px - x) });
  return {
    lines: lines.map((l) => {
      const [a, b] = [turn(l.x1, l.y1), turn(l.x2, l.y2)];
      return { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
    }),
    circles: circles.map((c) => ({ cx: turn(c.cx, c.cy).x, cy: turn(c.cx, c.cy).y, r: c.r })),
  };
}

/** The box an end marker covers (whatever its kind), so layouts and tests can keep markers apart. */
export function markerBox(anchor: Anchor): { x: number; y: number; width: number; height: number } {
  const reach = minAt + 2 * circleRadius - 3;
  const along = anchor.direction === 1 ? 0 : -reach;
  if (anchor.isVertical) return { x: anchor.x - spread, y: anchor.y + along, width: 2 * spread, height: reach };
  return { x: anchor.x + along, y: anchor.y - spread, width: reach, height: 2 * spread };
}

/** The least distance between two anchors on one side of a table for their markers not to touch. */
export const markerGap = 2 * spread + 2;
