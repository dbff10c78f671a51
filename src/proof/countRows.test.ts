import { describe, expect, it } from 'vitest';
import { generateDdl } from '../ddl/index.ts';
import { addColumn, type SqlRunner } from '../model/index.ts';
import { aSchema } from '../testing/factories.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { countRows } from './sampleRows.ts';

const { schema: base, childId } = aSchema();
const schema = addColumn(base, childId, { name: 'subtitle', type: 'text' }).schema;
const ddl = generateDdl(schema)
  .statements.filter((s) => s.kind !== 'note')
  .map((s) => s.sql);

/** The same runner without `execGroups`: what a PostgreSQL server connection offers. */
const oneCallAtATime = ({ exec, query, execEach }: SqlRunner): SqlRunner => ({ exec, query, execEach });

async function inTransaction<T>(run: (db: SqlRunner, plain: SqlRunner) => Promise<T>): Promise<T> {
  const db = await testRunner();
  await db.exec('BEGIN');
  try {
    await db.exec('CREATE SCHEMA counted');
    await db.exec('SET LOCAL search_path TO counted');
    await db.execEach(ddl);
    return await run(db, oneCallAtATime(db));
  } finally {
    await db.exec('ROLLBACK');
  }
}

describe('countRows', () => {
  it('counts rows, non-NULL values and their digest alike in one round trip and one query at a time', async () => {
    await inTransaction(async (db, plain) => {
      await db.execEach([
        "INSERT INTO authors (id, name) VALUES (1, 'Ann'), (2, 'Bo')",
        "INSERT INTO books (id, title, author_id, subtitle) VALUES (1, 'A', 1, NULL), (2, 'B', 2, 'b'), (3, 'C', 2, 'c')",
      ]);
      const [grouped, oneByOne] = [await countRows(db, schema), await countRows(plain, schema)];
      expect(grouped).toEqual(oneByOne);
      const books = grouped.get(childId)!;
      const subtitle = schema.tables.find((t) => t.id === childId)!.columns.find((c) => c.name === 'subtitle')!;
      expect(books.rows).toBe(3);
      expect(books.values.get(subtitle.id)).toEqual({ count: 2, digest: expect.stringMatching(/^[0-9a-f]{32}$/) });
    });
  });

  it('rejects with PostgreSQL error when a table is not there under its name, both ways', async () => {
    await inTransaction(async (db, plain) => {
      await db.exec('ALTER TABLE books RENAME TO volumes');
      await db.exec('SAVEPOINT before');
      await expect(countRows(db, schema)).rejects.toMatchObject({ code: '42P01' });
      await db.exec('ROLLBACK TO SAVEPOINT before');
      await expect(countRows(plain, schema)).rejects.toMatchObject({ code: '42P01' });
    });
  });
});
