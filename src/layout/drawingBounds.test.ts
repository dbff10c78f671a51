import { describe, expect, it } from 'vitest';
import { unionBoxes } from './drawingBounds.ts';

describe('unionBoxes', () => {
  it('holds every box, including one reaching past the others (a curve bowing out)', () => {
    const tables = [
      { x: 0, y: 0, width: 200, height: 100 },
      { x: 0, y: 300, width: 200, height: 100 },
    ];
    const curve = { x: 190, y: 40, width: 90, height: 310 };
    expect(unionBoxes([...tables, curve])).toEqual({ x: 0, y: 0, width: 280, height: 400 });
  });

  it('ignores empty boxes (elements not drawn) and is null when nothing is drawn', () => {
    expect(
      unionBoxes([
        { x: -500, y: -500, width: 0, height: 0 },
        { x: 10, y: 20, width: 30, height: 40 },
      ]),
    ).toEqual({ x: 10, y: 20, width: 30, height: 40 });
    expect(unionBoxes([])).toBeNull();
  });
});
