import { describe, expect, it } from 'vitest';
import type { TableId } from '../model/index.ts';
import { aNote, aSchema, ends } from '../testing/factories.ts';
import { diagramBounds } from './diagramBounds.ts';

describe('diagramBounds', () => {
  it('spans every table and note, sized by the given function', () => {
    const { schema } = aSchema(ends.exactlyOne, ends.zeroOrMany);
    const [a, b] = schema.tables;
    const layout = { [a!.id]: { x: -100, y: 20 }, [b!.id]: { x: 300, y: 400 } } as Record<TableId, { x: number; y: number }>;
    const bounds = diagramBounds({ schema, layout, notes: [aNote({ position: { x: 0, y: -50 } })] }, () => ({ width: 200, height: 100 }));
    expect(bounds).toEqual({ x: -100, y: -50, width: 600, height: 550 });
  });

  it('is null for an empty diagram', () => {
    expect(diagramBounds({ schema: { tables: [], relationships: [], enums: [] }, layout: {} }, () => ({ width: 1, height: 1 }))).toBeNull();
  });
});
