import { describe, expect, it } from 'vitest';
import { crowsFootShapes } from './crowsFoot.ts';

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
