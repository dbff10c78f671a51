import { describe, expect, it } from 'vitest';
import { aSchema } from '../testing/factories.ts';
import { normalizeType } from './catalogTables.ts';
import { gridLayout } from '../layout/gridLayout.ts';

describe('normalizeType', () => {
  it.each([
    ['character varying(80)', 'varchar(80)'],
    ['character varying', 'varchar'],
    ['character(2)', 'char(2)'],
    ['timestamp with time zone', 'timestamptz'],
    ['timestamp(3) without time zone', 'timestamp(3)'],
    ['time with time zone[]', 'timetz[]'],
    ['bit varying(5)', 'varbit(5)'],
    ['numeric(10,2)', 'numeric(10,2)'],
    ['double precision', 'double precision'],
    ['"character varying"', '"character varying"'],
  ])('writes %s as %s', (formatted, short) => {
    expect(normalizeType(formatted)).toBe(short);
  });
});

describe('gridLayout', () => {
  it('places every table on its own spot, rows no taller than their tallest table', () => {
    const { schema } = aSchema();
    const layout = gridLayout(schema.tables);
    expect(Object.keys(layout)).toEqual(schema.tables.map((t) => t.id));
    expect(new Set(Object.values(layout).map((p) => `${p.x},${p.y}`)).size).toBe(schema.tables.length);
  });
});
