import { describe, expect, it } from 'vitest';
import { markerGap } from './crowsFoot.ts';
import { routeEdges, type EdgeRequest, type TableRect } from './edgeRouting.ts';

const rect = (x: number, y: number, height = 200): TableRect => ({ x, y, width: 200, height });
const edge = (id: string, source: string, target: string, sourceRowY = 49, targetRowY = 49): EdgeRequest => ({
  id,
  source,
  target,
  sourceRowY,
  targetRowY,
});

describe('routeEdges', () => {
  it('joins facing sides of tables that stand apart, at their key rows', () => {
    const routes = routeEdges(
      new Map([
        ['a', rect(0, 0)],
        ['b', rect(400, 100)],
      ]),
      [edge('e', 'a', 'b', 49, 75)],
    );
    const { source, target, points } = routes.get('e')!;
    expect(source).toEqual({ x: 200, y: 49, direction: 1 });
    expect(target).toEqual({ x: 400, y: 175, direction: -1 });
    // Straight out of each table for at least the marker's length, then one jog between them.
    expect(points).toHaveLength(4);
    expect(points[1]!.y).toBe(49);
    expect(points[1]!.x).toBeGreaterThanOrEqual(236);
    expect(points[2]!.x).toBeLessThanOrEqual(364);
  });

  it('fans out the ends wanting one row, in the order of their other ends, so they do not cross', () => {
    const tables = new Map([
      ['parent', rect(0, 200)],
      ['low', rect(400, 600)],
      ['high', rect(400, 0)],
      ['mid', rect(400, 300)],
    ]);
    const routes = routeEdges(tables, [edge('toLow', 'parent', 'low'), edge('toHigh', 'parent', 'high'), edge('toMid', 'parent', 'mid')]);
    const ys = ['toHigh', 'toMid', 'toLow'].map((id) => routes.get(id)!.source.y);
    expect(ys).toEqual([249 - markerGap, 249, 249 + markerGap]);
  });

  it('draws two relationships between the same tables apart at both ends', () => {
    const tables = new Map([
      ['language', rect(0, 0)],
      ['film', rect(400, 0)],
    ]);
    const routes = routeEdges(tables, [edge('spoken', 'language', 'film', 49, 75), edge('original', 'language', 'film', 49, 101)]);
    const [spoken, original] = [routes.get('spoken')!, routes.get('original')!];
    expect(Math.abs(spoken.source.y - original.source.y)).toBeGreaterThanOrEqual(markerGap);
    expect(spoken.source.y).toBeLessThan(original.source.y);
    expect([spoken.target.y, original.target.y]).toEqual([75, 101]);
    expect(spoken.path).not.toBe(original.path);
  });

  it('draws a self-reference as a loop out of one side and back, with two distinct ends', () => {
    const routes = routeEdges(new Map([['categories', rect(0, 0)]]), [edge('parent', 'categories', 'categories', 49, 49)]);
    const { source, target, path } = routes.get('parent')!;
    expect(source.x).toBe(target.x);
    expect(source.direction).toBe(target.direction);
    expect(Math.abs(source.y - target.y)).toBeGreaterThanOrEqual(markerGap);
    expect(path).toMatch(/ Q /);
  });

  it('keeps ends inside their side and shares a short side out evenly', () => {
    const tables = new Map([['small', rect(0, 0, 36)], ...[0, 1, 2].map((i) => [`c${i}`, rect(400, i * 100)] as const)]);
    const routes = routeEdges(
      tables,
      [0, 1, 2].map((i) => edge(`e${i}`, 'small', `c${i}`, 18)),
    );
    const ys = [0, 1, 2].map((i) => routes.get(`e${i}`)!.source.y);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(36);
    expect(new Set(ys).size).toBe(3);
  });

  it('goes round a table standing between the two it joins', () => {
    const tables = new Map([
      ['a', rect(0, 0)],
      ['b', rect(800, 0)],
      ['between', rect(400, -100, 400)],
    ]);
    const { points } = routeEdges(tables, [edge('e', 'a', 'b')]).get('e')!;
    const between = tables.get('between')!;
    const crosses = points.some(
      (p, i) =>
        i > 0 &&
        Math.max(p.x, points[i - 1]!.x) > between.x &&
        Math.min(p.x, points[i - 1]!.x) < between.x + between.width &&
        Math.max(p.y, points[i - 1]!.y) > between.y &&
        Math.min(p.y, points[i - 1]!.y) < between.y + between.height,
    );
    expect(crosses).toBe(false);
  });

  it('keeps the last route of an edge whose ends did not move', () => {
    const tables = new Map([
      ['a', rect(0, 0)],
      ['b', rect(400, 300)],
      ['c', rect(0, 600)],
    ]);
    const edges = [edge('ab', 'a', 'b'), edge('cb', 'c', 'b', 49, 101)];
    const first = routeEdges(tables, edges);
    const again = routeEdges(new Map([...tables, ['c', rect(0, 620)]]), edges, first);
    expect(again.get('ab')).toBe(first.get('ab'));
    expect(again.get('cb')).not.toBe(first.get('cb'));
  });

  it('leaves out edges whose table is not there', () => {
    expect(routeEdges(new Map([['a', rect(0, 0)]]), [edge('e', 'a', 'gone')]).size).toBe(0);
  });
});
