import { describe, expect, it } from 'vitest';
import { aSchema, ends, tableOf } from '../testing/factories.ts';
import { generateDdl } from '../ddl/index.ts';
import { resolveAll } from './resolve.ts';
import { setOneToOneStrategy, updateColumn } from './index.ts';
import { uniqueByRelationship } from './relationshipUnique.ts';

/** The names of the columns a relationship makes unique, as `table.column`. */
function uniqueNames(schema: ReturnType<typeof aSchema>['schema']): string[] {
  const unique = uniqueByRelationship(resolveAll(schema));
  return schema.tables.flatMap((t) => t.columns.filter((c) => unique.has(c.id)).map((c) => `${t.name}.${c.name}`));
}

describe('uniqueByRelationship', () => {
  it('names the foreign key of a drawn 1:1 (FK + UNIQUE), exactly where the DDL adds UNIQUE', () => {
    const { schema } = aSchema(ends.exactlyOne, ends.zeroOrOne, { parent: 'users', child: 'user_profile' });
    expect(uniqueNames(schema)).toEqual(['user_profile.user_id']);
    const addUnique = generateDdl(schema).statements.filter((s) => s.kind === 'addUnique');
    expect(addUnique.map((s) => s.sql)).toEqual([expect.stringContaining('UNIQUE (user_id)')]);
  });

  it('names nothing for a 1:N, a shared primary key, or a key the user already made unique', () => {
    expect(uniqueNames(aSchema(ends.exactlyOne, ends.zeroOrMany).schema)).toEqual([]);
    const oneToOne = aSchema(ends.exactlyOne, ends.zeroOrOne);
    expect(uniqueNames(setOneToOneStrategy(oneToOne.schema, oneToOne.relationshipId, 'sharedPrimaryKey'))).toEqual([]);
    const key = tableOf(oneToOne.schema, oneToOne.childId).columns.find((c) => c.name.endsWith('_id'))!;
    const ticked = updateColumn(oneToOne.schema, oneToOne.childId, key.id, { isUnique: true });
    expect(uniqueNames(ticked)).toEqual([]);
    expect(generateDdl(ticked).statements.filter((s) => s.kind === 'addUnique')).toEqual([]);
  });
});
