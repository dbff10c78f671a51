import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Note, Position, Schema } from '../model/index.ts';
import { projectFileSchema } from './projectFileSchema.ts';
import { latestProjectFileVersion } from './projectFileMigrations.ts';

type Loaded = z.output<typeof projectFileSchema>;

describe('projectFileSchema', () => {
  it("validates to the model's own types: a field missing, extra or narrower on either side fails the typecheck", () => {
    expectTypeOf<Loaded['schema']>().toEqualTypeOf<Schema>();
    expectTypeOf<Loaded['notes']>().toEqualTypeOf<Note[]>();
    expectTypeOf<Loaded['layout']>().toEqualTypeOf<Record<string, Position>>();
  });

  it('fills what older files leave out with the defaults the model starts from', () => {
    const column = { id: 'col_1', name: 'id', type: 'integer', isPrimaryKey: true, isNotNull: true, isUnique: false, defaultValue: null };
    const file = {
      format: 'erd-proof',
      version: latestProjectFileVersion,
      schema: { tables: [{ id: 'tbl_1', name: 't', columns: [column] }], relationships: [] },
      layout: {},
    };
    expect(projectFileSchema.parse(file)).toEqual({
      ...file,
      schema: {
        tables: [
          {
            id: 'tbl_1',
            name: 't',
            schemaName: 'public',
            comment: '',
            columns: [{ ...column, identity: null, comment: '' }],
            checks: [],
            indexes: [],
          },
        ],
        relationships: [],
        enums: [],
      },
      notes: [],
    });
  });
});
