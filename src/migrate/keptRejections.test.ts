import { afterAll, describe, expect, it } from 'vitest';
import { emptySchema, type Schema, type SqlObject } from '../model/index.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { aKeptObject, withTable } from '../testing/factories.ts';
import { ddlOf, expectMigrates } from '../testing/migrationCheck.ts';
import { diffSchemas, riskySteps, toMigrationSql } from './index.ts';

const books = withTable(emptySchema, 'books', { name: 'title', type: 'text' }).schema;
const uniqueTitle = aKeptObject({ kind: 'index', name: 'books_title_key', sql: 'CREATE UNIQUE INDEX books_title_key ON books (title);' });
const titled = aKeptObject({ kind: 'constraint', name: 'titled', sql: "ALTER TABLE books ADD CONSTRAINT titled CHECK (title <> '');" });
const with_ = (schema: Schema, ...kept: SqlObject[]): Schema => ({ ...schema, sqlObjects: kept });

describe('diffSchemas: new kept UNIQUE indexes and constraints on tables with rows', () => {
  it('marks a new kept UNIQUE index on an existing table as rejecting repeated rows, listed apart', () => {
    const { up } = diffSchemas(books, with_(books, uniqueTitle));
    expect(up.map((s) => s.rejectsRows)).toEqual(['fails while rows of books repeat what the kept unique index books_title_key covers']);
    expect(riskySteps(up)).toEqual(up);
    expect(toMigrationSql(up)).toContain('-- MAY REJECT ROWS: fails while rows of books repeat');
  });

  it('marks a new kept constraint on an existing table, and one whose text changed', () => {
    expect(diffSchemas(books, with_(books, titled)).up.map((s) => s.rejectsRows)).toEqual([
      'fails while a row of books breaks the kept constraint titled',
    ]);
    const stricter = { ...titled, sql: 'ALTER TABLE books ADD CONSTRAINT titled CHECK (length(title) > 2);' };
    const { up } = diffSchemas(with_(books, titled), with_(books, stricter));
    expect(up.map((s) => [s.kind, s.rejectsRows])).toEqual([
      ['dropConstraint', undefined],
      ['addConstraint', 'fails while a row of books breaks the kept constraint titled'],
    ]);
  });

  it('leaves unmarked what cannot reject a row: a plain index, NOT VALID, a table made in the same migration', () => {
    const plain = aKeptObject({ kind: 'index', name: 'books_title', sql: 'CREATE INDEX books_title ON books (title);' });
    const notValid = { ...titled, sql: "ALTER TABLE books ADD CONSTRAINT titled CHECK (title <> '') NOT VALID;" };
    expect(riskySteps(diffSchemas(books, with_(books, plain, notValid)).up)).toEqual([]);
    expect(riskySteps(diffSchemas(emptySchema, with_(books, uniqueTitle, titled)).up)).toEqual([]);
  });
});

describe.each(engines)('kept UNIQUE indexes and constraints on tables with rows on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    it('are added over rows that fit them, and dropped on the way down', async () => {
      await expectMigrates(
        await engine.runner(),
        books,
        with_(books, uniqueTitle, titled),
        "INSERT INTO books (id, title) VALUES (1, 'a'), (2, 'b');",
      );
    });

    it('the rows the mark warns of do stop the migration', async () => {
      const runner = await engine.runner();
      const { up } = diffSchemas(books, with_(books, uniqueTitle));
      await runner.exec('BEGIN');
      try {
        await runner.exec(ddlOf(books));
        await runner.exec("INSERT INTO books (id, title) VALUES (1, 'a'), (2, 'a');");
        await expect(runner.exec(toMigrationSql(up))).rejects.toThrow(/duplicate|unique/i);
      } finally {
        await runner.exec('ROLLBACK');
      }
    });
  });
});
