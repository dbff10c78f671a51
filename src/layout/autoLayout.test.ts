import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { connect, type Schema, type TableId } from '../model/index.ts';
import { aSchema, ends, withTable } from '../testing/factories.ts';
import { estimatedSize, layoutFromElk, overlappingTables, toElkGraph, type Size } from './autoLayout.ts';

/** authors -> books -> reviews, authors -> passport_info (1:1), a self-reference on books, and a lone table. */
function library(): { schema: Schema; ids: Record<string, TableId> } {
  const base = aSchema();
  let schema = base.schema;
  const reviews = withTable(schema, 'reviews', { name: 'stars', type: 'integer' });
  const passports = withTable(reviews.schema, 'passport_info', { name: 'number', type: 'text' });
  const lonely = withTable(passports.schema, 'settings', { name: 'key', type: 'text' }, { name: 'value', type: 'jsonb' });
  schema = connect(lonely.schema, base.childId, reviews.tableId).schema;
  schema = connect(schema, base.parentId, passports.tableId, { from: ends.exactlyOne, to: ends.zeroOrOne }).schema;
  schema = connect(schema, base.childId, base.childId).schema;
  return {
    schema,
    ids: { authors: base.parentId, books: base.childId, reviews: reviews.tableId, passports: passports.tableId, settings: lonely.tableId },
  };
}

const sizesOf = (schema: Schema) => new Map(schema.tables.map((t) => [t.id as string, estimatedSize(t)]));

describe('toElkGraph', () => {
  it('has a node per table, sized as measured where known and estimated elsewhere', () => {
    const { schema, ids } = library();
    const graph = toElkGraph(
      schema,
      new Map([
        [ids.books!, { width: 300, height: 140 }],
        [ids.reviews!, { width: undefined, height: 90 }],
      ]),
    );
    expect(graph.children).toHaveLength(5);
    expect(graph.children!.find((n) => n.id === ids.books)).toMatchObject({ width: 300, height: 140 });
    const reviews = schema.tables.find((t) => t.id === ids.reviews)!;
    expect(graph.children!.find((n) => n.id === ids.reviews)).toMatchObject(estimatedSize(reviews));
    expect(estimatedSize(reviews).height).toBe(36 + 3 * 26 + 2);
  });

  it('has an edge per relationship between two tables, from the parent to the child; self-references are left out', () => {
    const { schema, ids } = library();
    const edges = toElkGraph(schema, new Map()).edges!.map((e) => [e.sources[0], e.targets[0]]);
    expect(edges).toEqual([
      [ids.authors, ids.books],
      [ids.books, ids.reviews],
      [ids.authors, ids.passports],
    ]);
    expect(schema.relationships).toHaveLength(4);
  });
});

describe('layoutFromElk', () => {
  const result = {
    id: 'schema',
    children: [
      { id: 'a', x: 0, y: 0 },
      { id: 'b', x: 331, y: 47 },
    ],
  };

  it('keeps the diagram where it was: its top-left corner does not move', () => {
    expect(layoutFromElk(result, { ['x' as TableId]: { x: 100, y: 500 }, ['y' as TableId]: { x: 900, y: 200 } })).toEqual({
      a: { x: 100, y: 200 },
      b: { x: 431, y: 247 },
    });
    expect(layoutFromElk(result, {})).toEqual({ a: { x: 0, y: 0 }, b: { x: 331, y: 47 } });
  });

  it('rounds to the grid when snapping is on', () => {
    expect(layoutFromElk(result, {}, 24)).toEqual({ a: { x: 0, y: 0 }, b: { x: 336, y: 48 } });
  });
});

describe('automatic layout with ELK', () => {
  it('leaves no two tables overlapping, puts parents left of their children, and keeps related tables near', async () => {
    const { schema, ids } = library();
    const piled = Object.fromEntries(schema.tables.map((t, i) => [t.id, { x: i * 10, y: i * 10 }]));
    const sizes = sizesOf(schema);
    expect(overlappingTables(piled, sizes).length).toBeGreaterThan(0);

    const layout = layoutFromElk(await new ELK().layout(toElkGraph(schema, sizes)), piled);
    expect(overlappingTables(layout, sizes)).toEqual([]);
    expect(layout[ids.authors!]!.x).toBeLessThan(layout[ids.books!]!.x);
    expect(layout[ids.books!]!.x).toBeLessThan(layout[ids.reviews!]!.x);
    const distance = (a: string, b: string) => Math.hypot(layout[ids[a]!]!.x - layout[ids[b]!]!.x, layout[ids[a]!]!.y - layout[ids[b]!]!.y);
    expect(distance('authors', 'books')).toBeLessThan(distance('authors', 'reviews'));
  });
});

describe('overlappingTables', () => {
  it('finds boxes that overlap and not those that only touch', () => {
    const sizes = new Map<string, Size>([
      ['a', { width: 100, height: 50 }],
      ['b', { width: 100, height: 50 }],
      ['c', { width: 10, height: 10 }],
    ]);
    const layout = { ['a' as TableId]: { x: 0, y: 0 }, ['b' as TableId]: { x: 100, y: 0 }, ['c' as TableId]: { x: 95, y: 45 } };
    expect(overlappingTables(layout, sizes)).toEqual([
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });
});
