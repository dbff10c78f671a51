import { afterAll, describe, expect, it } from 'vitest';
import { renameTable, updateTableFields, type Schema } from '../model/index.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { aSchema, ends, tableOf } from '../testing/factories.ts';
import { expectMigrates } from '../testing/migrationCheck.ts';
import { diffSchemas } from './index.ts';

const before = aSchema(ends.exactlyOne, ends.zeroOrMany);
const books = tableOf(before.schema, before.childId);
/** `books` moved to schema archive and renamed `authors`, a name `public.authors` keeps. */
const after: Schema = updateTableFields(renameTable(before.schema, books.id, 'authors'), books.id, { schemaName: 'archive' });
const rows = `INSERT INTO authors (id, name) VALUES (1, 'Ann'); INSERT INTO books (id, title, author_id) VALUES (1, 'First', 1);`;

describe('diffSchemas: a table moved and renamed to a name its old schema keeps', () => {
  it('moves it first, then renames it in its new schema (renaming it first would take public.authors)', () => {
    const { up, down } = diffSchemas(before.schema, after);
    expect(up.filter((s) => s.kind === 'moveTable' || s.kind === 'renameTable').map((s) => s.sql)).toEqual([
      'ALTER TABLE books SET SCHEMA archive;',
      'ALTER TABLE archive.books RENAME TO authors;',
    ]);
    expect(down.filter((s) => s.kind === 'moveTable' || s.kind === 'renameTable').map((s) => s.sql)).toEqual([
      'ALTER TABLE archive.authors RENAME TO books;',
      'ALTER TABLE archive.books SET SCHEMA public;',
    ]);
  });
});

describe.each(engines)('a table moved and renamed, on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  it.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'migrates up and down with its rows', async () => {
    await expectMigrates(await engine.runner(), before.schema, after, rows);
  });
});
