/**
 * Times the edge routing (layout/edgeRouting.ts) on the generated 500-table / 600-relationship document:
 * every edge routed from scratch (opening the document, Arrange), then one drag frame (a table moved
 * 10 px, the other edges' last routes given), as the canvas does on each step of a drag.
 * Run: npx tsx scripts/timeEdgeRouting.ts
 */
import { estimatedSize } from '../src/layout/autoLayout.ts';
import { routeEdges, type EdgeRequest, type EdgeRoute, type TableRect } from '../src/layout/edgeRouting.ts';
import { endRowsOf, headerRowY } from '../src/layout/keyRows.ts';
import { resolveAll } from '../src/model/index.ts';
import { largeDocument } from './largeDocument.ts';

const { schema, layout } = largeDocument(500, 600);
const tables = new Map<string, TableRect>(schema.tables.map((t) => [t.id, { ...layout[t.id]!, ...estimatedSize(t) }]));
const rows = endRowsOf(resolveAll(schema));
const edges: EdgeRequest[] = schema.relationships.map((r) => ({
  id: r.id,
  source: r.from.tableId,
  target: r.to.tableId,
  sourceRowY: rows.get(r.id)?.from ?? headerRowY,
  targetRowY: rows.get(r.id)?.to ?? headerRowY,
}));

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const timed = (run: () => Map<string, EdgeRoute>) => {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
};

let routes = routeEdges(tables, edges);
const full: number[] = [];
for (let i = 0; i < 10; i++) full.push(timed(() => routeEdges(tables, edges)).ms);
const dragged = schema.tables[250]!.id;
const frames: number[] = [];
for (let step = 1; step <= 30; step++) {
  const moved = new Map(tables);
  const at = tables.get(dragged)!;
  moved.set(dragged, { ...at, x: at.x + step * 10, y: at.y + step * 4 });
  const frame = timed(() => routeEdges(moved, edges, routes));
  frames.push(frame.ms);
  routes = frame.result;
}
console.log(
  `edge routing, ${tables.size} tables / ${edges.length} edges: all edges ${median(full).toFixed(1)} ms (median of 10), one drag frame ${median(frames).toFixed(1)} ms (median of 30, max ${Math.max(...frames).toFixed(1)})`,
);
