import { describe, expect, it } from 'vitest';
import { testRunner } from '../testing/testDatabase.ts';
import { sampleValue } from './sampleValue.ts';

const types = [
  'integer',
  'bigint',
  'numeric(8,2)',
  'numeric(4,2)',
  'numeric(3,3)',
  'varchar(3)',
  'text',
  'boolean',
  'date',
  'timestamptz',
  'time',
  'interval',
  'uuid',
  'jsonb',
  'bytea',
  'inet',
  'tsvector',
  'tsquery',
  'xml',
  'macaddr',
  'point',
  'integer[]',
];

describe('sampleValue', () => {
  it('makes a literal PostgreSQL accepts for each type it knows, different for each n where the type can tell', async () => {
    const runner = await testRunner();
    for (const type of types) {
      const [a, b] = [sampleValue(type, 1), sampleValue(type, 2)];
      expect(a, type).toBeDefined();
      const { rows } = await runner.query(`SELECT (${a})::${type}::text AS a, (${b})::${type}::text AS b`);
      const row = rows[0] as { a: string; b: string };
      if (type !== 'boolean' && type !== 'integer[]') expect(row.a, type).not.toBe(row.b);
    }
  });

  it('keeps numeric(p, s) samples inside their precision, and gives vector(d) d numbers', () => {
    expect(sampleValue('numeric(4,2)', 123)).toBe('1.23');
    expect([sampleValue('numeric(3,3)', 1), sampleValue('numeric(3,3)', 2)]).toEqual(['0.001', '0.002']);
    expect(sampleValue('numeric(5)', 123_456)).toBe('23456');
    expect(sampleValue('vector(3)', 7)).toBe("'[7,0,0]'");
  });

  it('gives PostGIS geometry the subtype and SRID its modifiers ask for, different for each n', () => {
    expect(sampleValue('geometry(Polygon,4326)', 7)).toBe("'SRID=4326;POLYGON((7 0,8 0,8 1,7 0))'");
    expect(sampleValue('geometry(Point)', 2)).toBe("'POINT(2 0)'");
    expect(sampleValue('geography', 3)).toBe("'SRID=4326;POINT(3 0)'");
  });

  it('knows nothing of enums and domains: those scenarios are not provable rather than failing', () => {
    expect(sampleValue('mpaa_rating', 1)).toBeUndefined();
  });
});
