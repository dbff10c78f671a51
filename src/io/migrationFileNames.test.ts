import { describe, expect, it } from 'vitest';
import { migrationFileNames, migrationTimestamp } from './migrationFileNames.ts';

const at = new Date('2026-12-03T07:05:09.500Z');

describe('migration file names', () => {
  it('start with the UTC time to the second', () => {
    expect(migrationTimestamp(at)).toBe('20261203070509');
  });

  it('name the single script and the up/down pair after the document', () => {
    expect(migrationFileNames('Shop', at)).toEqual({
      single: '20261203070509_shop.sql',
      up: '20261203070509_shop.up.sql',
      down: '20261203070509_shop.down.sql',
    });
  });

  it('make the name safe for file systems, shells and migration tools', () => {
    expect(migrationFileNames('  Orders: v2.1 / EU  ', at).single).toBe('20261203070509_orders_v2_1_eu.sql');
    expect(migrationFileNames('a\u0007b*c', at).single).toBe('20261203070509_ab_c.sql');
  });

  it('fall back as a project file does for no name, and to "migration" when only separators are left', () => {
    expect(migrationFileNames('', at).single).toBe('20261203070509_diagram.sql');
    expect(migrationFileNames('...', at).single).toBe('20261203070509_migration.sql');
  });
});
