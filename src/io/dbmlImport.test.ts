import { describe, expect, it } from 'vitest';
import { resolveAll, type Relationship, type Schema } from '../model/index.ts';
import { importDbml } from './dbmlImport.ts';

function imported(text: string): Schema {
  const result = importDbml(text);
  if (!result.ok) throw new Error(result.error);
  return result.document.schema;
}

const tableName = (schema: Schema, id: string) => schema.tables.find((t) => t.id === id)!.name;
const describeRel = (schema: Schema, r: Relationship) => ({
  parent: tableName(schema, r.from.tableId),
  child: tableName(schema, r.to.tableId),
  from: { min: r.from.min, max: r.from.max },
  to: { min: r.to.min, max: r.to.max },
  oneToOne: r.oneToOne,
});

describe('importDbml', () => {
  it('reads tables, columns, keys, defaults, notes, indexes, checks and enums', () => {
    const schema = imported(`
Enum status {
  draft
  "published"
}
Table archive.books [note: 'kept for ever'] {
  id int [pk, increment]
  title "character varying(80)" [not null, unique, default: 'it\\'s', note: 'as printed']
  state status [default: \`'draft'\`]
  pages int [default: 3]
  Indexes {
    (title, pages) [unique, name: 'by_title']
  }
  checks {
    \`pages > 0\` [name: 'has_pages']
  }
}`);
    expect(schema.enums).toEqual([
      { id: expect.stringMatching(/^enum_/), name: 'status', schemaName: 'public', values: ['draft', 'published'] },
    ]);
    const [books] = schema.tables;
    expect(books).toMatchObject({
      name: 'books',
      schemaName: 'archive',
      comment: 'kept for ever',
      checks: [{ name: 'has_pages', expression: 'pages > 0' }],
    });
    expect(books!.columns.map(({ id: _id, ...c }) => c)).toEqual([
      {
        name: 'id',
        type: 'int',
        isPrimaryKey: true,
        isNotNull: true,
        isUnique: false,
        defaultValue: null,
        identity: 'byDefault',
        comment: '',
      },
      {
        name: 'title',
        type: 'character varying(80)',
        isPrimaryKey: false,
        isNotNull: true,
        isUnique: true,
        defaultValue: "'it''s'",
        identity: null,
        comment: 'as printed',
      },
      {
        name: 'state',
        type: 'status',
        isPrimaryKey: false,
        isNotNull: false,
        isUnique: false,
        defaultValue: "'draft'",
        identity: null,
        comment: '',
      },
      {
        name: 'pages',
        type: 'int',
        isPrimaryKey: false,
        isNotNull: false,
        isUnique: false,
        defaultValue: '3',
        identity: null,
        comment: '',
      },
    ]);
    expect(books!.indexes).toEqual([
      { id: expect.any(String), name: 'by_title', columnIds: [books!.columns[1]!.id, books!.columns[3]!.id], isUnique: true },
    ]);
  });

  it('reads > and < as one-to-many, a nullable key as an optional parent end, NOT NULL as a mandatory one', () => {
    const schema = imported(`
Table authors { id int [pk] }
Table books { id int [pk]
  author_id int [not null]
  editor_id int }
Ref writes: books.author_id > authors.id [delete: cascade]
Ref: authors.id < books.editor_id`);
    expect(schema.relationships.map((r) => describeRel(schema, r))).toEqual([
      { parent: 'authors', child: 'books', from: { min: 1, max: 1 }, to: { min: 0, max: 'many' }, oneToOne: 'foreignKeyUnique' },
      { parent: 'authors', child: 'books', from: { min: 0, max: 1 }, to: { min: 0, max: 'many' }, oneToOne: 'foreignKeyUnique' },
    ]);
    expect(schema.relationships[0]).toMatchObject({ name: 'writes', onDelete: 'cascade', onUpdate: 'no action' });
  });

  it('reads - as one-to-one, held by the inline ref owner, else the side that is not a key, else the left side; a key that is the primary key is a shared primary key', () => {
    const schema = imported(`
Table users { id int [pk] }
Table profiles { id int [pk]
  user_id int [unique, ref: - users.id] }
Table settings { user_id int [pk] }
Ref: settings.user_id - users.id
Table passports { id int [pk]
  user_id int }
Ref: users.id - passports.user_id`);
    expect(schema.relationships.map((r) => describeRel(schema, r))).toEqual([
      { parent: 'users', child: 'profiles', from: { min: 0, max: 1 }, to: { min: 0, max: 1 }, oneToOne: 'foreignKeyUnique' },
      { parent: 'users', child: 'settings', from: { min: 1, max: 1 }, to: { min: 0, max: 1 }, oneToOne: 'sharedPrimaryKey' },
      { parent: 'users', child: 'passports', from: { min: 0, max: 1 }, to: { min: 0, max: 1 }, oneToOne: 'foreignKeyUnique' },
    ]);
    expect(resolveAll(schema).every((r) => r.kind === 'oneToOne')).toBe(true);
  });

  it('reads <> as many-to-many between primary keys', () => {
    const schema = imported('Table students { id int [pk] }\nTable courses { id int [pk] }\nRef: students.id <> courses.id');
    expect(schema.relationships.map((r) => describeRel(schema, r))).toEqual([
      { parent: 'students', child: 'courses', from: { min: 0, max: 'many' }, to: { min: 0, max: 'many' }, oneToOne: 'foreignKeyUnique' },
    ]);
    expect(resolveAll(schema)[0]!.kind).toBe('manyToMany');
  });

  it('lays the tables out on a grid', () => {
    const result = importDbml('Table a { id int }\nTable b { id int }');
    expect(result.ok && Object.values(result.document.layout)).toEqual([
      { x: 0, y: 0 },
      { x: 320, y: 0 },
    ]);
  });

  it('gives malformed DBML a clear error with its line and column', () => {
    expect(importDbml('Table books {\n  id int [pk\n}\n')).toEqual({
      ok: false,
      error: 'line 3, column 1: Expect an identifier',
      line: 3,
      column: 1,
    });
    expect(importDbml('Table a { id int [pk] }\nTable b { a_id int }\nRef: b.a_id > a.name')).toEqual({
      ok: false,
      error: "line 3, column 17: Column 'name' does not exist in Table 'public.a'",
      line: 3,
      column: 17,
    });
  });

  it('refuses a ref to something other than a primary key, saying where', () => {
    expect(importDbml('Table a { id int [pk]\n  code text [unique] }\nTable b { a_code text }\nRef: b.a_code > a.code')).toEqual({
      ok: false,
      error: 'line 4, column 1: code is not the primary key of "a"; foreign keys here refer to primary keys',
      line: 4,
      column: 1,
    });
  });

  it('treats __proto__ and <script> names as plain data', () => {
    const schema = imported(`
Table "__proto__" { "constructor" int [pk]
  "<script>alert(1)</script>" text [note: '<img src=x onerror=alert(1)>'] }
Table "prototype" { id int [pk]
  "__proto__" int [ref: > "__proto__"."constructor"] }`);
    expect(schema.tables.map((t) => t.name)).toEqual(['__proto__', 'prototype']);
    expect(schema.tables[0]!.columns.map((c) => [c.name, c.comment])).toEqual([
      ['constructor', ''],
      ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'],
    ]);
    expect(schema.relationships).toHaveLength(1);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(Object.getPrototypeOf(schema.tables[0])).toBe(Object.prototype);
  });
});
