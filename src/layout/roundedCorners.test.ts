import { describe, expect, it } from 'vitest';
import { roundedPath } from './orthogonalRoute.ts';
import { dashedPieces } from './roundedCorners.ts';

describe('a dashed route drawn in pieces', () => {
  it('draws a straight line as one piece starting at its dash phase 0', () => {
    expect(
      dashedPieces([
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ]),
    ).toEqual([{ path: 'M 0 0 L 100 0', start: 0 }]);
  });

  it('draws the same line as the rounded path, each piece picking up the dash phase where the one before ends', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 50 },
      { x: 180, y: 50 },
    ];
    const pieces = dashedPieces(points);
    expect(pieces.map((p) => p.path)).toEqual([
      'M 0 0 L 92 0',
      'M 92 0 Q 100 0 100 8',
      'M 100 8 L 100 42',
      'M 100 42 Q 100 50 108 50',
      'M 108 50 L 180 50',
    ]);
    expect(roundedPath(points).path).toBe('M 0 0 L 92 0 Q 100 0 100 8 L 100 42 Q 100 50 108 50 L 180 50');
    const starts = pieces.map((p) => p.start);
    expect(starts[0]).toBe(0);
    expect(starts[1]).toBe(92);
    // A quarter turn of radius 8 drawn as a quadratic is about 12.99 long.
    expect(starts[2]! - starts[1]!).toBeCloseTo(12.99, 1);
    expect(starts[3]! - starts[2]!).toBeCloseTo(34, 5);
  });

  it('skips runs of no length where corners meet', () => {
    const pieces = dashedPieces([
      { x: 0, y: 0 },
      { x: 16, y: 0 },
      { x: 16, y: 16 },
      { x: 32, y: 16 },
    ]);
    expect(pieces.map((p) => p.path)).toEqual(['M 0 0 L 8 0', 'M 8 0 Q 16 0 16 8', 'M 16 8 Q 16 16 24 16', 'M 24 16 L 32 16']);
  });
});
