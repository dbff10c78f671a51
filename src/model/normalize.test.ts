import { describe, expect, it } from 'vitest';
import {
  addColumn,
  checkInvariants,
  editColumn,
  findRelationship,
  normalizeRelationship,
  resolveRelationship,
  setEnd,
  setIdentifying,
  setKeyHolder,
  setOneToOneStrategy,
  updateRelationship,
  updateTableFields,
  deleteColumn,
  makeIndex,
  type RelationshipId,
  type Schema,
} from './index.ts';
import { aSchema, ends, tableOf } from '../testing/factories.ts';

const rel = (schema: Schema, id: RelationshipId) => findRelationship(schema, id)!;
const columnNames = (schema: Schema, id: Parameters<typeof tableOf>[1]) => tableOf(schema, id).columns.map((c) => c.name);

describe('normalizeRelationship', () => {
  it('gives a 1:N the plain strategy, its many end as key holder and no junction, keeping unknown fields', () => {
    const { schema, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrMany);
    const stale = {
      ...rel(schema, relationshipId),
      keyHolder: 'from' as const,
      oneToOne: 'sharedPrimaryKey' as const,
      junction: { name: 'x', columns: [] },
      constraintName: 'kept_fk',
    };
    expect(normalizeRelationship(stale)).toMatchObject({
      keyHolder: 'to',
      oneToOne: 'foreignKeyUnique',
      junction: { name: '', columns: [] },
      constraintName: 'kept_fk',
    });
  });

  it('leaves a canonical relationship as the same object, and a 1:1 its strategy and key holder', () => {
    const { schema, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrOne);
    const shared = setOneToOneStrategy(schema, relationshipId, 'sharedPrimaryKey');
    expect(normalizeRelationship(rel(shared, relationshipId))).toBe(rel(shared, relationshipId));
  });

  it('empties a many-to-many foreign key but keeps its junction', () => {
    const { schema, relationshipId } = aSchema(ends.zeroOrMany, ends.zeroOrMany);
    const named = updateRelationship(schema, relationshipId, { junction: { name: 'authorship', columns: [] } });
    const stale = {
      ...rel(named, relationshipId),
      foreignKeyColumnIds: rel(schema, relationshipId).foreignKeyColumnIds.concat(['col_x' as never]),
    };
    expect(normalizeRelationship(stale)).toMatchObject({ foreignKeyColumnIds: [], junction: { name: 'authorship' } });
  });
});

describe('kind-specific fields follow the kind on every edit', () => {
  it('reproduction: 1:1 shared key, an end to many, identifying, id un-marked: the key stays on author_id', () => {
    const { schema, childId, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrOne);
    const shared = setOneToOneStrategy(schema, relationshipId, 'sharedPrimaryKey');
    const oneToMany = setEnd(shared, relationshipId, 'to', ends.zeroOrMany);
    expect(rel(oneToMany, relationshipId).oneToOne).toBe('foreignKeyUnique');
    const identifying = setIdentifying(oneToMany, relationshipId, true);
    const id = tableOf(identifying, childId).columns.find((c) => c.name === 'id')!;
    const unmarked = editColumn(identifying, childId, id.id, { isPrimaryKey: false });
    expect(columnNames(unmarked, childId)).toEqual(['id', 'title', 'author_id']);
    const authorId = tableOf(unmarked, childId).columns[2]!;
    expect(authorId.isPrimaryKey).toBe(true);
    expect(rel(unmarked, relationshipId).foreignKeyColumnIds).toEqual([authorId.id]);
    expect(resolveRelationship(unmarked, rel(unmarked, relationshipId)).kind).toBe('oneToMany');
    expect(checkInvariants(unmarked, { generatedColumnIds: new Set([authorId.id]) })).toEqual([]);
  });

  it("a shared-key 1:1 whose key holder moves keeps both tables' own primary keys", () => {
    const { schema, parentId, childId, relationshipId } = aSchema(ends.exactlyOne, ends.exactlyOne);
    const shared = setOneToOneStrategy(schema, relationshipId, 'sharedPrimaryKey');
    const moved = setKeyHolder(shared, relationshipId, 'from');
    expect(columnNames(moved, childId)).toContain('id');
    expect(columnNames(moved, parentId)).toContain('id');
    expect(rel(moved, relationshipId).foreignKeyColumnIds).toEqual([tableOf(moved, parentId).columns[0]!.id]);
    expect(checkInvariants(moved)).toEqual([]);
  });

  it('a shared-key 1:1 made many-to-many keeps the child primary key and holds no key', () => {
    const { schema, childId, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrOne);
    const shared = setOneToOneStrategy(schema, relationshipId, 'sharedPrimaryKey');
    const manyToMany = setEnd(setEnd(shared, relationshipId, 'to', ends.zeroOrMany), relationshipId, 'from', ends.zeroOrMany);
    expect(columnNames(manyToMany, childId)).toEqual(['id', 'title']);
    expect(rel(manyToMany, relationshipId)).toMatchObject({ foreignKeyColumnIds: [], oneToOne: 'foreignKeyUnique' });
    expect(checkInvariants(manyToMany)).toEqual([]);
  });

  it('a many-to-many made 1:N drops its junction', () => {
    const { schema, relationshipId } = aSchema(ends.zeroOrMany, ends.zeroOrMany);
    const named = updateRelationship(schema, relationshipId, { junction: { name: 'authorship', columns: [] } });
    const oneToMany = setEnd(named, relationshipId, 'from', ends.exactlyOne);
    expect(rel(oneToMany, relationshipId).junction).toEqual({ name: '', columns: [] });
    expect(checkInvariants(oneToMany)).toEqual([]);
  });

  it('the strategy and key holder are refused on a 1:N', () => {
    const { schema, relationshipId } = aSchema();
    expect(setOneToOneStrategy(schema, relationshipId, 'sharedPrimaryKey')).toBe(schema);
    expect(setKeyHolder(schema, relationshipId, 'from')).toBe(schema);
  });
});

describe('columns and indexes', () => {
  it('marking a column as primary key makes it NOT NULL', () => {
    const { schema, childId } = aSchema();
    const added = addColumn(schema, childId, { name: 'code' });
    const marked = editColumn(added.schema, childId, added.columnId, { isPrimaryKey: true });
    expect(tableOf(marked, childId).columns.find((c) => c.id === added.columnId)).toMatchObject({ isPrimaryKey: true, isNotNull: true });
  });

  it('deleting a column drops the indexes on it, as PostgreSQL does', () => {
    const { schema, childId } = aSchema();
    const [, title, authorId] = tableOf(schema, childId).columns;
    const indexed = updateTableFields(schema, childId, { indexes: [makeIndex([title!.id, authorId!.id]), makeIndex([authorId!.id])] });
    const without = deleteColumn(indexed, childId, title!.id);
    expect(tableOf(without, childId).indexes.map((i) => i.columnIds)).toEqual([[authorId!.id]]);
    expect(checkInvariants(without)).toEqual([]);
  });
});
