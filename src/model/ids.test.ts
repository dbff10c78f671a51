import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  makeCheck,
  makeEnumType,
  makeIndex,
  newId,
  type ColumnId,
  type NoteId,
  type RelationshipId,
  type TableId,
  type VersionId,
} from './index.ts';

describe('one id maker', () => {
  it('mints distinct ids with a readable prefix for every kind of object', () => {
    const ids = (['tbl', 'col', 'rel', 'note', 'chk', 'idx', 'enum', 'sql', 'doc', 'ver'] as const).flatMap((prefix) =>
      Array.from({ length: 50 }, () => newId(prefix)),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^(tbl|col|rel|note|chk|idx|enum|sql|doc|ver)_[0-9a-f]{12}$/.test(id))).toBe(true);
  });

  it('types each id by its prefix, so a table id cannot be minted where a column id belongs', () => {
    expectTypeOf(newId('tbl')).toEqualTypeOf<TableId>();
    expectTypeOf(newId('col')).toEqualTypeOf<ColumnId>();
    expectTypeOf(newId('rel')).toEqualTypeOf<RelationshipId>();
    expectTypeOf(newId('note')).toEqualTypeOf<NoteId>();
    expectTypeOf(newId('ver')).toEqualTypeOf<VersionId>();
    expectTypeOf(newId('chk')).toEqualTypeOf<string>();
    expectTypeOf(newId('tbl')).not.toEqualTypeOf<ColumnId>();
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
