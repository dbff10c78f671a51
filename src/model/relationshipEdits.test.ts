import { describe, expect, it } from 'vitest';
import {
  childSide,
  connect,
  deleteColumn,
  deleteRelationship,
  emptySchema,
  deleteTable,
  editColumn,
  findRelationship,
  resolveRelationship,
  addColumn,
  setEnd,
  setForeignKeyColumns,
  setKeyHolder,
  setIdentifying,
  setOneToOneStrategy,
  type RelationshipId,
  type Schema,
} from './index.ts';
import { aSchema, ends, tableOf, withTable } from '../testing/factories.ts';
import { generateDdl } from '../ddl/index.ts';

const rel = (schema: Schema, id: RelationshipId) => findRelationship(schema, id)!;
const columnNames = (schema: Schema, id: Parameters<typeof tableOf>[1]) => tableOf(schema, id).columns.map((c) => c.name);

describe('connect', () => {
  it('adds a conventionally named foreign key column to the child, typed like the parent key', () => {
    const { schema, childId, relationshipId } = aSchema();
    expect(columnNames(schema, childId)).toEqual(['id', 'title', 'author_id']);
    const resolved = resolveRelationship(schema, rel(schema, relationshipId));
    expect(resolved.kind).toBe('oneToMany');
    if (resolved.kind !== 'oneToMany') return;
    expect(resolved.child.id).toBe(childId);
    expect(resolved.columns.map((c) => c.type)).toEqual(['integer']);
    expect(resolved.isNotNull).toBe(true);
    expect(resolved.isUnique).toBe(false);
  });

  it('maps serial parent keys to integer foreign keys and avoids name clashes', () => {
    const { schema: base, tableId: parentId } = withTable(emptySchema, 'authors');
    const schema = editColumn(base, parentId, tableOf(base, parentId).columns[0]!.id, { type: 'bigserial' });
    const child = withTable(schema, 'books', { name: 'author_id', type: 'text' });
    const { schema: connected } = connect(child.schema, parentId, child.tableId);
    const added = tableOf(connected, child.tableId).columns.at(-1)!;
    expect(added).toMatchObject({ name: 'author_id_2', type: 'bigint' });
  });

  it('supports a self-reference', () => {
    const { schema, tableId } = withTable(emptySchema, 'employees');
    const { schema: connected, relationshipId } = connect(schema, tableId, tableId, { from: ends.zeroOrOne, to: ends.zeroOrMany });
    expect(columnNames(connected, tableId)).toEqual(['id', 'employee_id']);
    expect(resolveRelationship(connected, rel(connected, relationshipId)).kind).toBe('oneToMany');
  });
});

describe('setEnd', () => {
  it('keeps the key column when a 1:N becomes a 1:1 and makes it unique', () => {
    const { schema, childId, relationshipId } = aSchema();
    const before = tableOf(schema, childId).columns.at(-1)!.id;
    const oneToOne = setEnd(schema, relationshipId, 'to', ends.zeroOrOne);
    const resolved = resolveRelationship(oneToOne, rel(oneToOne, relationshipId));
    expect(resolved.kind).toBe('oneToOne');
    if (resolved.kind !== 'oneToOne') return;
    expect(resolved.columns.map((c) => c.id)).toEqual([before]);
    expect(resolved.isUnique).toBe(true);
  });

  it('moves the key to the other table when the many end flips', () => {
    const { schema, parentId, childId, relationshipId } = aSchema();
    const flipped = setEnd(setEnd(schema, relationshipId, 'to', ends.exactlyOne), relationshipId, 'from', ends.zeroOrMany);
    expect(childSide(rel(flipped, relationshipId))).toBe('from');
    expect(columnNames(flipped, childId)).toEqual(['id', 'title']);
    expect(columnNames(flipped, parentId)).toEqual(['id', 'name', 'book_id']);
  });

  it('drops the key columns for a many-to-many (a junction table holds them)', () => {
    const { schema, childId, relationshipId } = aSchema();
    const manyToMany = setEnd(schema, relationshipId, 'from', ends.zeroOrMany);
    expect(columnNames(manyToMany, childId)).toEqual(['id', 'title']);
    expect(rel(manyToMany, relationshipId).foreignKeyColumnIds).toEqual([]);
    expect(resolveRelationship(manyToMany, rel(manyToMany, relationshipId)).kind).toBe('manyToMany');
  });

  it('makes the parent end optional or mandatory without touching columns', () => {
    const { schema, childId, relationshipId } = aSchema();
    const optional = setEnd(schema, relationshipId, 'from', ends.zeroOrOne);
    expect(columnNames(optional, childId)).toEqual(columnNames(schema, childId));
    const resolved = resolveRelationship(optional, rel(optional, relationshipId));
    expect(resolved.kind !== 'invalid' && resolved.kind !== 'manyToMany' && resolved.isNotNull).toBe(false);
  });
});

describe('one-to-one strategy and key holder', () => {
  const oneToOne = () => {
    const base = aSchema(ends.exactlyOne, ends.zeroOrOne, { parent: 'authors', child: 'passport_info' });
    return base;
  };

  it('shared primary key uses the child key as the foreign key and makes the parent end mandatory', () => {
    const { schema, childId, relationshipId } = oneToOne();
    const optionalParent = setEnd(schema, relationshipId, 'from', ends.zeroOrOne);
    const shared = setOneToOneStrategy(optionalParent, relationshipId, 'sharedPrimaryKey');
    expect(columnNames(shared, childId)).toEqual(['id', 'title']);
    const resolved = resolveRelationship(shared, rel(shared, relationshipId));
    if (resolved.kind !== 'oneToOne') throw new Error(resolved.kind);
    expect(resolved.isSharedPrimaryKey).toBe(true);
    expect(resolved.columns.map((c) => c.name)).toEqual(['id']);
    expect(rel(shared, relationshipId).from.min).toBe(1);
  });

  it('switching back to FK + UNIQUE adds a key column again', () => {
    const { schema, childId, relationshipId } = oneToOne();
    const back = setOneToOneStrategy(setOneToOneStrategy(schema, relationshipId, 'sharedPrimaryKey'), relationshipId, 'foreignKeyUnique');
    expect(columnNames(back, childId)).toEqual(['id', 'title', 'author_id']);
  });

  it('moving the key holder moves the key column', () => {
    const { schema, parentId, childId, relationshipId } = oneToOne();
    const moved = setKeyHolder(schema, relationshipId, 'from');
    expect(columnNames(moved, childId)).toEqual(['id', 'title']);
    expect(columnNames(moved, parentId)).toEqual(['id', 'name', 'passport_info_id']);
  });
});

describe('deletions', () => {
  it('deleting a table removes its relationships and the key columns they added elsewhere', () => {
    const { schema, parentId, childId } = aSchema();
    const without = deleteTable(schema, parentId);
    expect(without.relationships).toEqual([]);
    expect(columnNames(without, childId)).toEqual(['id', 'title']);
  });

  it('deleting a foreign key column removes its relationship', () => {
    const { schema, childId } = aSchema();
    const fk = tableOf(schema, childId).columns.at(-1)!;
    expect(deleteColumn(schema, childId, fk.id).relationships).toEqual([]);
  });

  it('deleting a relationship keeps primary key columns', () => {
    const { schema, childId, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrOne);
    const shared = setOneToOneStrategy(schema, relationshipId, 'sharedPrimaryKey');
    expect(columnNames(deleteRelationship(shared, relationshipId), childId)).toEqual(['id', 'title']);
  });

  it('renaming a key column keeps the relationship pointing at it', () => {
    const { schema, childId, relationshipId } = aSchema();
    const fk = tableOf(schema, childId).columns.at(-1)!;
    const renamed = editColumn(schema, childId, fk.id, { name: 'writer' });
    const resolved = resolveRelationship(renamed, rel(renamed, relationshipId));
    expect(resolved.kind !== 'invalid' && resolved.kind !== 'manyToMany' && resolved.columns[0]!.name).toBe('writer');
  });

  it('a new parent key type propagates to the foreign key', () => {
    const { schema, parentId, childId } = aSchema();
    const pk = tableOf(schema, parentId).columns[0]!;
    const uuid = editColumn(schema, parentId, pk.id, { type: 'uuid' });
    expect(tableOf(uuid, childId).columns.at(-1)!.type).toBe('uuid');
  });
});

describe('identifying relationships', () => {
  it('puts the key columns into the child primary key and back out', () => {
    const { schema, childId, relationshipId } = aSchema();
    const identifying = setIdentifying(schema, relationshipId, true);
    expect(
      tableOf(identifying, childId)
        .columns.filter((c) => c.isPrimaryKey)
        .map((c) => c.name),
    ).toEqual(['id', 'author_id']);
    const back = setIdentifying(identifying, relationshipId, false);
    expect(
      tableOf(back, childId)
        .columns.filter((c) => c.isPrimaryKey)
        .map((c) => c.name),
    ).toEqual(['id']);
  });

  it('deleting an identifying relationship removes its key columns from the child', () => {
    const { schema, childId, relationshipId } = aSchema();
    const identifying = setIdentifying(schema, relationshipId, true);
    expect(columnNames(deleteRelationship(identifying, relationshipId), childId)).toEqual(['id', 'title']);
  });

  it('a shared-key 1:1 that becomes 1:N gets its own key column', () => {
    const { schema, childId, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrOne);
    const shared = setOneToOneStrategy(schema, relationshipId, 'sharedPrimaryKey');
    const oneToMany = setEnd(shared, relationshipId, 'to', ends.zeroOrMany);
    expect(columnNames(oneToMany, childId)).toEqual(['id', 'title', 'author_id']);
    expect(rel(oneToMany, relationshipId).foreignKeyColumnIds).toEqual([tableOf(oneToMany, childId).columns[2]!.id]);
  });
});

describe('key types', () => {
  it('a shared primary key takes the parent key type', () => {
    const { schema, parentId, childId, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrOne);
    const uuidParent = editColumn(schema, parentId, tableOf(schema, parentId).columns[0]!.id, { type: 'uuid' });
    const shared = setOneToOneStrategy(uuidParent, relationshipId, 'sharedPrimaryKey');
    expect(tableOf(shared, childId).columns[0]).toMatchObject({ name: 'id', type: 'uuid', identity: null });
  });
});

describe('identifying keys further down', () => {
  it('making authors -> books identifying widens the key that reviews hold on books', async () => {
    const { withTable } = await import('../testing/factories.ts');
    const base = aSchema();
    const reviews = withTable(base.schema, 'reviews');
    const linked = connect(reviews.schema, base.childId, reviews.tableId);
    const identifying = setIdentifying(linked.schema, base.relationshipId, true);
    expect(columnNames(identifying, reviews.tableId)).toEqual(['id', 'book_id', 'book_author_id']);
    const { validateSchema } = await import('./index.ts');
    expect(validateSchema(identifying).filter((p) => p.severity === 'error')).toEqual([]);
    const back = setIdentifying(identifying, base.relationshipId, false);
    expect(columnNames(back, reviews.tableId)).toEqual(['id', 'book_id']);
    expect(tableOf(back, base.childId).columns[2]).toMatchObject({ isPrimaryKey: false, isNotNull: false });
  });
});

describe('setForeignKeyColumns', () => {
  it('points the key at an existing column, drops the generated one, and gives the chosen one the parent key type', () => {
    const base = aSchema(ends.exactlyOne, ends.zeroOrMany);
    const withWriter = addColumn(base.schema, base.childId, { name: 'writer_id', type: 'text' });
    const schema = setForeignKeyColumns(withWriter.schema, base.relationshipId, [withWriter.columnId]);
    const books = tableOf(schema, base.childId);
    expect(books.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'integer'],
      ['title', 'text'],
      ['writer_id', 'integer'],
    ]);
    expect(schema.relationships[0]!.foreignKeyColumnIds).toEqual([withWriter.columnId]);
    expect(generateDdl(schema).statements.some((s) => s.sql.includes('FOREIGN KEY (writer_id)'))).toBe(true);
  });

  it('refuses the same column twice and leaves a shared primary key alone', () => {
    const base = aSchema(ends.exactlyOne, ends.zeroOrOne);
    const shared = setOneToOneStrategy(base.schema, base.relationshipId, 'sharedPrimaryKey');
    expect(setForeignKeyColumns(shared, base.relationshipId, [tableOf(shared, base.childId).columns[1]!.id])).toBe(shared);
  });
});

describe('setForeignKeyColumns keeps what the user made', () => {
  it('drops the generated column it replaces, never a column the user chose before', () => {
    const base = aSchema(ends.exactlyOne, ends.zeroOrMany);
    const writer = addColumn(base.schema, base.childId, { name: 'writer_id', type: 'integer', comment: 'who wrote it' });
    const other = addColumn(writer.schema, base.childId, { name: 'other_ref', type: 'integer' });
    const onWriter = setForeignKeyColumns(other.schema, base.relationshipId, [writer.columnId]);
    expect(columnNames(onWriter, base.childId)).toEqual(['id', 'title', 'writer_id', 'other_ref']);
    const onOther = setForeignKeyColumns(onWriter, base.relationshipId, [other.columnId]);
    expect(columnNames(onOther, base.childId)).toEqual(['id', 'title', 'writer_id', 'other_ref']);
  });
});
