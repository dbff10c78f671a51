import ELK from 'elkjs/lib/elk.bundled.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { importSqlInPglite } from '../io/index.ts';
import { resolveAll, type Schema } from '../model/index.ts';
import { hasCorpusFile, readCorpusFile } from '../testing/corpus.ts';
import { edgesCrossingTables, overlappingMarkers } from '../testing/edgeChecks.ts';
import { estimatedSize } from './autoLayout.ts';
import { endsTableHolds, routeEdges, type EdgeRequest, type EdgeRoute, type TableRect } from './edgeRouting.ts';
import { endRowsOf, headerRowY } from './keyRows.ts';
import { layoutSchema } from './layoutSchema.ts';

/**
 * The edges of real schemas after Arrange (ELK's layered layout, as the app runs it, over the tables'
 * estimated sizes): what the geometry must guarantee whatever the schema. The crossing counts are
 * ceilings measured when written: they may only go down.
 */
const schemas = [
  { file: 'pagila-schema.sql', maxCrossings: 0 },
  { file: 'lago-structure.sql', maxCrossings: 37 },
  { file: 'musicbrainz-schema.sql', maxCrossings: 31 },
];

interface Drawn {
  tables: Map<string, TableRect>;
  edges: EdgeRequest[];
  routes: Map<string, EdgeRoute>;
}

async function arrangedAndRouted(schema: Schema): Promise<Drawn> {
  const layout = await layoutSchema(schema, new ELK());
  const tables = new Map(schema.tables.map((t) => [t.id as string, { ...layout[t.id]!, ...estimatedSize(t) }]));
  const rows = endRowsOf(resolveAll(schema));
  const edges = schema.relationships.map((r) => ({
    id: r.id,
    source: r.from.tableId,
    target: r.to.tableId,
    sourceRowY: rows.get(r.id)?.from ?? headerRowY,
    targetRowY: rows.get(r.id)?.to ?? headerRowY,
  }));
  return { tables, edges, routes: routeEdges(tables, edges) };
}

for (const { file, maxCrossings } of schemas) {
  describe.skipIf(!hasCorpusFile(file))(`edges of ${file} after Arrange`, () => {
    let drawn: Drawn;

    beforeAll(async () => {
      const imported = await importSqlInPglite(readCorpusFile(file));
      if (!imported.ok) throw new Error(`${imported.error.line}: ${imported.error.message}`);
      drawn = await arrangedAndRouted(imported.schema);
    }, 180_000);

    it('draws every relationship, and no two end markers overlap save round a table with more ends than its sides hold', () => {
      expect(drawn.routes.size).toBe(drawn.edges.length);
      const endCount = new Map<string, number>();
      for (const e of drawn.edges) for (const t of [e.source, e.target]) endCount.set(t, (endCount.get(t) ?? 0) + 1);
      const overfull = new Set([...drawn.tables].filter(([id, t]) => endCount.get(id)! > endsTableHolds(t)).map(([id]) => id));
      const tableOf = (end: string) => {
        const [edgeId, which] = end.split(':');
        const edge = drawn.edges.find((e) => e.id === edgeId)!;
        return which === 'source' ? edge.source : edge.target;
      };
      const overlaps = overlappingMarkers(drawn.routes);
      if (overfull.size > 0) console.info(`${file}: ${overlaps.length} overlapping markers round ${overfull.size} overfull table(s)`);
      expect(overlaps.filter(([a, b]) => !overfull.has(tableOf(a)) || !overfull.has(tableOf(b)))).toEqual([]);
    });

    it('shows two distinct ends for every self-reference', () => {
      const loops = drawn.edges.filter((e) => e.source === e.target).map((e) => drawn.routes.get(e.id)!);
      for (const { source, target } of loops) expect(Math.hypot(source.x - target.x, source.y - target.y)).toBeGreaterThan(10);
    });

    it(`crosses at most ${maxCrossings} tables an edge does not connect`, () => {
      const crossings = edgesCrossingTables(drawn.routes, drawn.tables, drawn.edges);
      console.info(
        `${file}: ${crossings.length} crossings of a table by an edge not its own, ${new Set(crossings.map((c) => c.edgeId)).size} edges of ${drawn.edges.length}`,
      );
      expect(crossings.length).toBeLessThanOrEqual(maxCrossings);
    });
  });
}
