import { markerBox } from '../layout/crowsFoot.ts';
import type { EdgeRequest, EdgeRoute, TableRect } from '../layout/edgeRouting.ts';

type Box = { x: number; y: number; width: number; height: number };

const boxesOverlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Pairs of end markers whose boxes overlap (each end named `edgeId:source` or `edgeId:target`): a reader could not tell them apart. */
export function overlappingMarkers(routes: ReadonlyMap<string, EdgeRoute>): [string, string][] {
  const boxes = [...routes].flatMap(([id, r]) => [
    { name: `${id}:source`, box: markerBox(r.source) },
    { name: `${id}:target`, box: markerBox(r.target) },
  ]);
  boxes.sort((a, b) => a.box.x - b.box.x);
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j]!.box.x < boxes[i]!.box.x + boxes[i]!.box.width; j++) {
      if (boxesOverlap(boxes[i]!.box, boxes[j]!.box)) pairs.push([boxes[i]!.name, boxes[j]!.name]);
    }
  }
  return pairs;
}

/** Whether the segment from p to q passes through the inside of a box (Liang–Barsky clipping). */
function segmentCrossesBox(p: { x: number; y: number }, q: { x: number; y: number }, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const clips: [number, number][] = [
    [-dx, p.x - box.x],
    [dx, box.x + box.width - p.x],
    [-dy, p.y - box.y],
    [dy, box.y + box.height - p.y],
  ];
  for (const [direction, distance] of clips) {
    if (direction === 0) {
      if (distance <= 0) return false;
    } else {
      const t = distance / direction;
      if (direction < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 >= t1) return false;
    }
  }
  return true;
}

/** The edges whose drawn line passes through a table they do not connect (the table's box shrunk by a pixel, so touching is not crossing). */
export function edgesCrossingTables(
  routes: ReadonlyMap<string, EdgeRoute>,
  tables: ReadonlyMap<string, TableRect>,
  edges: readonly EdgeRequest[],
): { edgeId: string; tableId: string }[] {
  const crossings: { edgeId: string; tableId: string }[] = [];
  const inner = [...tables].map(([id, t]) => ({ id, box: { x: t.x + 1, y: t.y + 1, width: t.width - 2, height: t.height - 2 } }));
  for (const edge of edges) {
    const route = routes.get(edge.id);
    if (!route) continue;
    const { points } = route;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const bounds = {
      x: Math.min(...xs),
      y: Math.min(...ys),
      width: Math.max(...xs) - Math.min(...xs),
      height: Math.max(...ys) - Math.min(...ys),
    };
    for (const { id, box } of inner) {
      if (id === edge.source || id === edge.target || !boxesOverlap(bounds, box)) continue;
      if (points.some((p, i) => i > 0 && segmentCrossesBox(points[i - 1]!, p, box))) crossings.push({ edgeId: edge.id, tableId: id });
    }
  }
  return crossings;
}
