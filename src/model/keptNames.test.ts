import { describe, expect, it } from 'vitest';
import { aSchema, tableOf } from '../testing/factories.ts';
import { copyFragment, pasteFragment } from './fragment.ts';
import { primaryKeyOf } from './lookup.ts';
import { resolveAll } from './resolve.ts';
import type { Column, Schema } from './schema.ts';
import { validateSchema } from './validate.ts';

/** authors(id, name) <- books(author_id -> authors.name): an alternate-key relationship, `name` UNIQUE or not. */
function alternateKey(isUnique: boolean) {
  const built = aSchema();
  const authors = tableOf(built.schema, built.parentId);
  const name = authors.columns.find((c) => c.name === 'name')!;
  const schema: Schema = {
    ...built.schema,
    tables: built.schema.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c): Column => (c.id === name.id ? { ...c, isUnique } : c.name === 'author_id' ? { ...c, type: 'text' } : c)),
    })),
    relationships: built.schema.relationships.map((r) => ({
      ...r,
      referencedColumnIds: [name.id],
      constraintName: 'books_by_author_name',
    })),
  };
  return { ...built, schema, nameId: name.id };
}

const errors = (schema: Schema) =>
  validateSchema(schema)
    .filter((p) => p.severity === 'error')
    .map((p) => p.message);

describe('alternate keys', () => {
  it('resolves the referenced columns in place of the primary key', () => {
    const { schema, nameId } = alternateKey(true);
    const [resolved] = resolveAll(schema);
    expect(resolved!.kind !== 'invalid' && resolved!.kind !== 'manyToMany' && resolved!.parentColumns.map((c) => c.id)).toEqual([nameId]);
    expect(errors(schema)).toEqual([]);
  });

  it('is a model error when the referenced columns are neither the primary key nor UNIQUE, saying how to fix it', () => {
    expect(errors(alternateKey(false).schema)).toEqual([
      'The foreign key of "books" refers to (name) of "authors", which is neither its primary key nor UNIQUE; mark name UNIQUE, or refer to the primary key',
    ]);
  });

  it('is invalid once a referenced column is gone', () => {
    const { schema, parentId, nameId } = alternateKey(true);
    const without = {
      ...schema,
      tables: schema.tables.map((t) => (t.id === parentId ? { ...t, columns: t.columns.filter((c) => c.id !== nameId) } : t)),
    };
    expect(errors(without)).toEqual([
      'A relationship cannot be built: it refers to a column "authors" no longer has; pick the referenced key again',
    ]);
  });
});

describe('kept names', () => {
  it('refuses two constraints of one table with the same name', () => {
    const { schema, childId } = alternateKey(true);
    const clash = {
      ...schema,
      tables: schema.tables.map((t) => (t.id === childId ? { ...t, primaryKeyName: 'books_by_author_name' } : t)),
    };
    expect(errors(clash)).toContain('Table "books" has two constraints named "books_by_author_name"; rename one');
  });

  it('keeps a primary key in its declared order, and still shows a column marked PK later', () => {
    const { schema, childId } = aSchema();
    const books = tableOf(schema, childId);
    const [id, title] = [books.columns.find((c) => c.name === 'id')!, books.columns.find((c) => c.name === 'title')!];
    const ordered = {
      ...books,
      columns: books.columns.map((c) => (c.id === title.id ? { ...c, isPrimaryKey: true } : c)),
      primaryKeyColumnIds: [title.id, id.id],
    };
    expect(primaryKeyOf(ordered).map((c) => c.name)).toEqual(['title', 'id']);
    const author = books.columns.find((c) => c.name === 'author_id')!;
    const more = { ...ordered, columns: ordered.columns.map((c) => (c.id === author.id ? { ...c, isPrimaryKey: true } : c)) };
    expect(primaryKeyOf(more).map((c) => c.name)).toEqual(['title', 'id', 'author_id']);
  });

  it('refuses a generated column that is also an identity, and identity options that are not whole numbers', () => {
    const { schema, childId } = aSchema();
    const edited = {
      ...schema,
      tables: schema.tables.map((t) =>
        t.id !== childId
          ? t
          : {
              ...t,
              columns: t.columns.map((c): Column =>
                c.name === 'title'
                  ? { ...c, type: 'integer', identity: 'always', generated: { expression: 'id * 2', kind: 'stored' } }
                  : c.name === 'id'
                    ? { ...c, identity: 'byDefault', identityOptions: { start: '1e3' } }
                    : c,
              ),
            },
      ),
    };
    expect(errors(edited)).toEqual([
      'Column "books".id: the identity option start must be a whole number, not "1e3"',
      'Column "books".title is both generated and an identity column; remove one of them',
    ]);
  });

  it("a pasted copy is the user's own: the generator names it, and its key order and alternate key point at the copy", () => {
    const { schema, parentId, childId } = alternateKey(true);
    const named = {
      ...schema,
      tables: schema.tables.map((t) => ({
        ...t,
        primaryKeyName: `${t.name}_identity`,
        primaryKeyColumnIds: primaryKeyOf(t).map((c) => c.id),
      })),
    };
    const layout = { [parentId]: { x: 0, y: 0 }, [childId]: { x: 0, y: 0 } };
    const pasted = pasteFragment(named, layout, copyFragment(named, layout, [parentId, childId]), { x: 10, y: 10 }).schema;
    const copies = pasted.tables.slice(2);
    expect(copies.map((t) => t.primaryKeyName)).toEqual([undefined, undefined]);
    expect(copies.map((t) => t.primaryKeyColumnIds)).toEqual(copies.map((t) => [t.columns[0]!.id]));
    const copiedRel = pasted.relationships[1]!;
    expect(copiedRel.constraintName).toBeUndefined();
    expect(copiedRel.referencedColumnIds).toEqual([copies[0]!.columns.find((c) => c.name === 'name')!.id]);
    expect(errors(pasted)).toEqual([]);
  });
});
