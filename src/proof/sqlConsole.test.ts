import { describe, expect, it } from 'vitest';
import { pgliteRunner } from '../db/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { testPglite } from '../testing/testDatabase.ts';
import { catalogFingerprint, runConsole } from './sqlConsole.ts';

const runner = async () => pgliteRunner(await testPglite());

describe('runConsole', () => {
  it('runs SQL against the schema with one valid child per relationship loaded, and returns every result', async () => {
    const { schema } = exampleDocument();
    const result = await runConsole(
      await runner(),
      schema,
      'SELECT a.id, p.author_id FROM authors a JOIN passport_info p ON p.author_id = a.id;\nUPDATE books SET title = title;\nSELECT 1 AS one, NULL AS nothing',
    );
    const run = result.value!;
    expect(run.error).toBeUndefined();
    expect(run.samples).toHaveLength(schema.relationships.length);
    expect(run.outputs).toHaveLength(3);
    expect(run.outputs[0]!.fields).toEqual(['id', 'author_id']);
    expect(run.outputs[0]!.rows).toHaveLength(1);
    expect(run.outputs[0]!.rows[0]![0]).toBe(run.outputs[0]!.rows[0]![1]);
    expect(run.outputs[1]).toMatchObject({ fields: [], affectedRows: 1 });
    expect(run.outputs[2]).toMatchObject({ fields: ['one', 'nothing'], rows: [['1', null]] });
  });

  it("shows PostgreSQL's own refusal, with the line and column of the error", async () => {
    const { schema } = exampleDocument();
    const { value } = await runConsole(await runner(), schema, 'SELECT 1;\nSELECT * FROM  nowhere;');
    expect(value!.error).toMatchObject({ code: '42P01', message: 'relation "nowhere" does not exist', line: 2, column: 16 });
    const duplicate = await runConsole(
      await runner(),
      schema,
      "INSERT INTO passport_info (id, author_id, passport_number) SELECT id + 100, author_id, passport_number || 'x' FROM passport_info;",
    );
    expect(duplicate.value!.error).toMatchObject({ code: '23505', constraint: 'passport_info_author_id_key' });
  });

  it('leaves nothing behind; a stray COMMIT is caught by the catalog fingerprint', async () => {
    const db = await runner();
    const before = await catalogFingerprint(db);
    await runConsole(db, exampleDocument().schema, 'CREATE TABLE scratch_note (id int); DROP TABLE books CASCADE;');
    expect(await catalogFingerprint(db)).toBe(before);
    const clean = await runConsole(db, exampleDocument().schema, 'SELECT 1; SELECT nothing;');
    expect(clean.value!.escapedTransaction).toBe(false);
    const escaped = await runConsole(db, exampleDocument().schema, 'COMMIT; CREATE TABLE public.leftover (id int);');
    expect(escaped.value!.escapedTransaction).toBe(true);
    expect(await catalogFingerprint(db)).not.toBe(before);
    await db.exec('DROP TABLE public.leftover');
    await db.exec('DROP SCHEMA erd_proof CASCADE');
    expect(await catalogFingerprint(db)).toBe(before);
  });

  it('notices a transaction ended even when counts stay the same (a rename) or the SQL then fails', async () => {
    const db = await runner();
    const before = await catalogFingerprint(db);
    const renamed = await runConsole(db, exampleDocument().schema, 'ROLLBACK; ALTER SCHEMA public RENAME TO elsewhere;');
    expect(renamed.value!.escapedTransaction).toBe(true);
    expect(await catalogFingerprint(db)).not.toBe(before);
    await db.exec('ALTER SCHEMA elsewhere RENAME TO public;');
    expect(await catalogFingerprint(db)).toBe(before);
    const failed = await runConsole(db, exampleDocument().schema, 'ROLLBACK; SELECT nothing;');
    expect(failed.value).toMatchObject({ error: { code: '42703' }, escapedTransaction: true });
  });

  it('counts the rows each statement changed, not a running total', async () => {
    const { value } = await runConsole(
      await runner(),
      exampleDocument().schema,
      "INSERT INTO authors (id, name) VALUES (901, 'a');\nINSERT INTO authors (id, name) VALUES (902, 'b');\nINSERT INTO authors (id, name) VALUES (903, 'c');\nUPDATE authors SET name = 'x' WHERE id < 0;",
    );
    expect(value!.error).toBeUndefined();
    expect(value!.outputs.map((o) => o.affectedRows)).toEqual([1, 1, 1, 0]);
  });

  it('says which statement failed at run time, and keeps the results of those before it', async () => {
    const { value } = await runConsole(await runner(), exampleDocument().schema, 'SELECT 1;\nSELECT 2;\nSELECT 1 / 0;\nSELECT 4;');
    expect(value!.error).toMatchObject({ code: '22012', statementNumber: 3, line: 3, column: 1 });
    expect(value!.outputs).toHaveLength(2);
  });

  it('places a syntax error where PostgreSQL stopped reading, before anything runs', async () => {
    const { value } = await runConsole(await runner(), exampleDocument().schema, "SELECT 'é';\nSELECT FROM WHERE;");
    expect(value!.error).toMatchObject({ code: '42601', line: 2, column: 13 });
    expect(value!.outputs).toEqual([]);
  });

  it('refuses COPY from a program or a file, which would report 0 rows as if it had worked', async () => {
    const { value } = await runConsole(await runner(), exampleDocument().schema, "SELECT 1;\nCOPY authors FROM PROGRAM 'cat /etc/passwd';");
    expect(value!.error).toMatchObject({
      code: '0A000',
      statementNumber: 2,
      line: 2,
      column: 1,
      message: expect.stringMatching(/runs on the database server's machine/),
    });
  });
});
