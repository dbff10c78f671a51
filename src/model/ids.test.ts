import { describe, expect, it } from 'vitest';
import { makeCheck, makeEnumType, makeIndex, newId, type ColumnId } from './index.ts';

describe('one id maker', () => {
  it('mints distinct ids with a readable prefix for every kind of object', () => {
    const ids = ['tbl', 'col', 'rel', 'note', 'chk', 'idx', 'enum', 'sql'].flatMap((prefix) => Array.from({ length: 50 }, () => newId(prefix as Parameters<typeof newId>[0])));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^(tbl|col|rel|note|chk|idx|enum|sql)_[0-9a-f]{12}$/.test(id))).toBe(true);
  });

  it('makes checks, indexes and enum types with fresh ids and the defaults the editors start from', () => {
    expect(makeCheck()).toMatchObject({ id: expect.stringMatching(/^chk_/), name: '', expression: 'true' });
    const columnIds = ['col_a' as ColumnId];
    expect(makeIndex(columnIds)).toMatchObject({ id: expect.stringMatching(/^idx_/), name: '', columnIds, isUnique: false });
    const first = makeEnumType([]);
    expect(first).toMatchObject({ id: expect.stringMatching(/^enum_/), name: 'enum_1', schemaName: 'public', values: ['a', 'b'] });
    const renamed = { ...first, name: 'enum_2' };
    expect(makeEnumType([renamed]).name).toBe('enum_2_2');
  });
});
