import type { Layout, Position } from '../model/index.ts';

/** Room a new table is given, roughly one table's size. */
const footprint = { width: 260, height: 160 };

/** The first spot at or right of `wanted` (then below) where a new table overlaps no table already placed. */
export function freeSpot(layout: Layout, wanted: Position): Position {
  const taken = Object.values(layout);
  const overlaps = (p: Position) => taken.some((t) => Math.abs(t.x - p.x) < footprint.width && Math.abs(t.y - p.y) < footprint.height);
  for (let row = 0; row < 20; row++) {
    for (let col = 0; col < 6; col++) {
      const spot = { x: Math.round(wanted.x + col * (footprint.width + 140)), y: Math.round(wanted.y + row * (footprint.height + 40)) };
      if (!overlaps(spot)) return spot;
    }
  }
  return wanted;
}
