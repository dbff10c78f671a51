import { describe, expect, it } from 'vitest';
import type { TableId } from '../model/index.ts';
import { freeSpot } from './placement.ts';

describe('freeSpot', () => {
  it('keeps the wanted spot when it is free', () => expect(freeSpot({}, { x: 10, y: 20 })).toEqual({ x: 10, y: 20 }));
  it('moves right of a table already there', () => {
    expect(freeSpot({ ['t' as TableId]: { x: 0, y: 0 } }, { x: 10, y: 10 })).toEqual({ x: 410, y: 10 });
  });
});
