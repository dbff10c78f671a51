import { describe, expect, it } from 'vitest';
import {
  addColumn,
  canBeIdentifying,
  checkInvariants,
  connect,
  deleteColumn,
  deleteRelationship,
  editColumn,
  emptySchema,
  findRelationship,
  foreignKeyCandidates,
  isIdentifying,
  keyDependsOn,
  setForeignKeyColumns,
  setIdentifying,
  setKeyHolder,
  setOneToOneStrategy,
  type RelationshipId,
  type Schema,
} from './index.ts';
import { aSchema, ends, tableOf, withTable } from '../testing/factories.ts';

const rel = (schema: Schema, id: RelationshipId) => findRelationship(schema, id)!;
const keyNames = (schema: Schema, id: Parameters<typeof tableOf>[1]) =>
  tableOf(schema, id)
    .columns.filter((c) => c.isPrimaryKey)
    .map((c) => c.name);

describe('identifying keys never contain themselves', () => {
  it('refuses identifying on a self-reference', () => {
    const { schema, tableId } = withTable(emptySchema, 'employees');
    const linked = connect(schema, tableId, tableId);
    expect(canBeIdentifying(linked.schema, rel(linked.schema, linked.relationshipId))).toBe(false);
    expect(setIdentifying(linked.schema, linked.relationshipId, true)).toBe(linked.schema);
  });

  it('refuses closing a cycle of identifying keys', () => {
    const base = aSchema();
    const identifying = setIdentifying(base.schema, base.relationshipId, true);
    expect(keyDependsOn(identifying, base.childId, base.parentId)).toBe(true);
    const back = connect(identifying, base.childId, base.parentId);
    expect(setIdentifying(back.schema, back.relationshipId, true)).toBe(back.schema);
    expect(checkInvariants(back.schema)).toEqual([]);
  });

  it('an identifying 1:1 whose key holder moves leaves the old table its own key and builds the key in the new one', () => {
    const base = aSchema(ends.exactlyOne, ends.exactlyOne);
    const identifying = setIdentifying(base.schema, base.relationshipId, true);
    expect(keyNames(identifying, base.childId)).toEqual(['id', 'author_id']);
    const moved = setKeyHolder(identifying, base.relationshipId, 'from');
    expect(keyNames(moved, base.childId)).toEqual(['id']);
    expect(rel(moved, base.relationshipId).foreignKeyColumnIds).toHaveLength(1);
    expect(checkInvariants(moved)).toEqual([]);
  });

  it('an identifying key made a shared primary key drops its own column first', () => {
    const base = aSchema(ends.exactlyOne, ends.exactlyOne);
    const shared = setOneToOneStrategy(setIdentifying(base.schema, base.relationshipId, true), base.relationshipId, 'sharedPrimaryKey');
    expect(keyNames(shared, base.childId)).toEqual(['id']);
    expect(checkInvariants(shared)).toEqual([]);
  });

  it('deleting an identifying relationship narrows the keys that refer to its child', () => {
    const base = aSchema();
    const reviews = withTable(base.schema, 'reviews');
    const linked = connect(reviews.schema, base.childId, reviews.tableId);
    const identifying = setIdentifying(linked.schema, base.relationshipId, true);
    expect(rel(identifying, linked.relationshipId).foreignKeyColumnIds).toHaveLength(2);
    const deleted = deleteRelationship(identifying, base.relationshipId);
    expect(tableOf(deleted, reviews.tableId).columns.map((c) => c.name)).toEqual(['id', 'book_id']);
    expect(checkInvariants(deleted)).toEqual([]);
  });
});

describe('pointing a foreign key at chosen columns', () => {
  it('offers columns outside the key for a plain key, and refuses a list of the wrong length', () => {
    const base = aSchema();
    const writer = addColumn(base.schema, base.childId, { name: 'writer_id', type: 'integer' });
    const candidates = foreignKeyCandidates(writer.schema, rel(writer.schema, base.relationshipId)).map((c) => c.name);
    expect(candidates).toEqual(['title', 'author_id', 'writer_id']);
    expect(
      setForeignKeyColumns(writer.schema, base.relationshipId, [writer.columnId, tableOf(writer.schema, base.childId).columns[1]!.id]),
    ).toBe(writer.schema);
  });

  it('an identifying key pointed at another key column drops the generated one it replaced', () => {
    const base = aSchema();
    const code = addColumn(base.schema, base.childId, { name: 'code', type: 'integer', isPrimaryKey: true, isNotNull: true });
    const identifying = setIdentifying(code.schema, base.relationshipId, true);
    expect(isIdentifying(identifying, rel(identifying, base.relationshipId))).toBe(true);
    const pointed = setForeignKeyColumns(identifying, base.relationshipId, [code.columnId]);
    expect(tableOf(pointed, base.childId).columns.map((c) => c.name)).toEqual(['id', 'title', 'code']);
    expect(checkInvariants(pointed)).toEqual([]);
  });
});

describe('a key referring to an alternate key (imported)', () => {
  const withAlternateKey = () => {
    const base = aSchema();
    const code = addColumn(base.schema, base.parentId, { name: 'code', type: 'text', isUnique: true, isNotNull: true });
    const keyColumn = rel(code.schema, base.relationshipId).foreignKeyColumnIds[0]!;
    const schema: Schema = {
      ...code.schema,
      relationships: code.schema.relationships.map((r) =>
        r.id === base.relationshipId ? { ...r, referencedColumnIds: [code.columnId] } : r,
      ),
    };
    return { ...base, schema: editColumn(schema, base.childId, keyColumn, { type: 'text' }), codeId: code.columnId, keyColumn };
  };

  it('keeps the key on its column and the alternate key type through edits', () => {
    const { schema, childId, relationshipId, keyColumn } = withAlternateKey();
    expect(rel(schema, relationshipId).foreignKeyColumnIds).toEqual([keyColumn]);
    expect(tableOf(schema, childId).columns.find((c) => c.id === keyColumn)!.type).toBe('text');
    expect(checkInvariants(schema)).toEqual([]);
  });

  it('deleting the referenced column deletes the relationship, as DROP COLUMN ... CASCADE drops the key', () => {
    const { schema, parentId, codeId } = withAlternateKey();
    const without = deleteColumn(schema, parentId, codeId);
    expect(without.relationships).toEqual([]);
    expect(checkInvariants(without)).toEqual([]);
  });
});
