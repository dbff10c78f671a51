import { describe, expect, it } from 'vitest';
import { crowsFootShapes } from './crowsFoot.ts';
import { edgeAnchors, edgePath } from './edgeGeometry.ts';

const anchor = { x: 100, y: 50, direction: 1 as const };

describe("crow's-foot markers", () => {
  it('exactly one: two bars, no circle', () => {
    const s = crowsFootShapes({ min: 1, max: 1 }, anchor);
    expect(s.lines).toHaveLength(2);
    expect(s.lines.every((l) => l.x1 === l.x2 && l.x1 > 100)).toBe(true);
    expect(s.circles).toHaveLength(0);
  });

  it('zero or one: a bar by the table and a circle beyond it', () => {
    const s = crowsFootShapes({ min: 0, max: 1 }, anchor);
    expect(s.lines).toHaveLength(1);
    expect(s.circles).toHaveLength(1);
    expect(s.circles[0]!.cx).toBeGreaterThan(s.lines[0]!.x1);
  });

  it('one or many: a foot whose toes touch the table, and a bar', () => {
    const s = crowsFootShapes({ min: 1, max: 'many' }, anchor);
    const toes = s.lines.filter((l) => l.x2 === 100);
    expect(toes.map((l) => l.y2)).toEqual([42, 50, 58]);
    expect(s.lines).toHaveLength(4);
  });

  it('zero or many: a foot and a circle, mirrored on a left-facing end', () => {
    const s = crowsFootShapes({ min: 0, max: 'many' }, { ...anchor, direction: -1 });
    expect(s.lines).toHaveLength(3);
    expect(s.circles[0]!.cx).toBeLessThan(100);
  });
});

describe('edge geometry', () => {
  const box = (x: number, y: number) => ({ x, y, width: 200, height: 100, rowY: 50 });

  it('joins facing sides of tables that stand apart', () => {
    const { source, target } = edgeAnchors(box(0, 0), box(400, 0));
    expect(source).toEqual({ x: 200, y: 50, direction: 1 });
    expect(target).toEqual({ x: 400, y: 50, direction: -1 });
  });

  it('loops out of the right sides of stacked tables and self-references', () => {
    const { source, target } = edgeAnchors(box(0, 0), box(0, 0));
    expect(source.direction).toBe(1);
    expect(target.direction).toBe(1);
    expect(edgePath(source, target).path.startsWith('M 200 50 L 236 50 C')).toBe(true);
  });
});
