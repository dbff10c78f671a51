import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectPostgres } from '../db/index.ts';
import { serializeProjectFile } from '../io/index.ts';
import { addTable, makeVersion, setEnd, updateColumn, updateTableFields, type ErdDocument, type Schema } from '../model/index.ts';
import { aKeptObject, aSchema, ends, tableOf } from '../testing/factories.ts';
import { memoryCliIo } from '../testing/memoryCliIo.ts';
import { serverDatabase } from '../testing/serverDatabase.ts';
import { main } from './main.ts';

const deployed = aSchema(ends.exactlyOne, ends.zeroOrMany);
const books = tableOf(deployed.schema, deployed.childId);
const title = books.columns.find((c) => c.name === 'title')!;
const authorKey = books.columns.find((c) => c.name !== 'title' && !c.isPrimaryKey)!;
/** The design: `books.title` renamed `heading`. */
const renamed = updateColumn(deployed.schema, books.id, title.id, { name: 'heading' });

/** A project file whose version "deployed" is the schema before `design`. */
function projectFile(design: Schema): string {
  const document: ErdDocument = {
    schema: design,
    layout: {},
    versions: [makeVersion('deployed', deployed.schema, 'marked', new Date('2026-12-03T12:00:00Z'))!],
  };
  return serializeProjectFile(document);
}

/** Runs `erd` in-process on files held in memory, connecting to the real server. */
async function erd(files: Record<string, string>, ...argv: string[]) {
  const { io, output } = memoryCliIo(files);
  io.connectDatabase = (url) => connectPostgres(url);
  const code = await main(argv, io);
  return { code, ...output };
}

const from = 'design.erd.json@deployed';
const to = 'design.erd.json';

describe('erd diff --database-url, before any server answers', () => {
  it('goes with --prove only, and --allow-privileged-role with it', async () => {
    const files = { [to]: projectFile(renamed) };
    const alone = await erd(files, 'diff', from, to, '--database-url', 'postgres://127.0.0.1/app');
    expect(alone).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^erd diff: --database-url goes with --prove\n/) });
    const allow = await erd(files, 'diff', from, to, '--prove', '--allow-privileged-role');
    expect(allow).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^erd diff: --allow-privileged-role goes with --prove --database-url\n/),
    });
  });

  it('exits 2 on a URL that is not postgres://, without repeating it', async () => {
    const { code, stderr } = await erd(
      { [to]: projectFile(renamed) },
      'diff',
      from,
      to,
      '--prove',
      '--database-url',
      'mysql://a:s3cret@db/app',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/^erd: --database-url must be a postgres:\/\/ URL/);
    expect(stderr).not.toContain('s3cret');
  });

  it('refuses, exit 1 and without connecting, a design whose tables would collide in the one throwaway schema', async () => {
    const added = addTable(renamed, 'authors');
    const moved = updateTableFields(added.schema, added.tableId, { schemaName: 'archive' });
    // Port 9 (discard): nothing is asked of it, since the refusal comes first.
    const { code, stdout, stderr } = await erd(
      { [to]: projectFile(moved) },
      'diff',
      from,
      to,
      '--prove',
      '--database-url',
      'postgres://alice@127.0.0.1:9/app',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'erd diff: cannot prove on a server: in the one throwaway schema the proof uses there, two tables are named "authors"; rename one\n',
    );
  });
});

const url = inject('postgresUrl');
const skip = url ? false : inject('postgresSkipReason');

describe.skipIf(Boolean(skip))(
  skip ? `erd diff --prove on a PostgreSQL server: skipped: ${skip}` : 'erd diff --prove on a PostgreSQL server',
  () => {
    let client: pg.Client;
    let database: Awaited<ReturnType<typeof serverDatabase>>;
    /** The superuser's URL, and an ordinary role's, both to this file's own database. */
    let superUrl: string;
    let proverUrl: string;
    const leftovers = async () => (await client.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'erd\\_proof%'`)).rows;
    /** The public table named as the document's `books`, its columns and rows: the proof must not touch it. */
    const publicBooks = async () => ({
      columns: (
        await client.query(`SELECT attname FROM pg_attribute WHERE attrelid = 'public.books'::regclass AND attnum > 0 ORDER BY attnum`)
      ).rows,
      rows: (await client.query('SELECT * FROM public.books ORDER BY id')).rows,
    });

    beforeAll(async () => {
      // A database of its own: the migrate tests build `books` in public on this server at the same time.
      database = await serverDatabase('erd_diff_cli');
      superUrl = database.url;
      client = new pg.Client({ connectionString: superUrl });
      await client.connect();
      // A role of its own: proveOnServer.test.ts grants to erd_prover at the same time.
      await client.query(`DO $$ BEGIN CREATE ROLE erd_diff_prover LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
      await client.query('GRANT CREATE ON DATABASE erd_diff_cli TO erd_diff_prover');
      const prover = new URL(superUrl);
      prover.username = 'erd_diff_prover';
      prover.password = '';
      proverUrl = prover.toString();
      await client.query('CREATE TABLE public.books (id integer PRIMARY KEY, title text NOT NULL)');
      await client.query(`INSERT INTO public.books VALUES (1, 'already here'), (2, 'and this')`);
    });
    afterAll(async () => {
      await client?.end();
      await database?.drop();
    });

    it('proves a passing migration in a throwaway schema, prints the four checks and the check afterwards, and leaves public alone', async () => {
      const before = await publicBooks();
      const { code, stdout, stderr } = await erd({ [to]: projectFile(renamed) }, 'diff', from, to, '--prove', '--database-url', proverUrl);
      expect(stderr).toBe('');
      expect(stdout.match(/^PROVEN {2}.*$/gm)).toEqual([
        'PROVEN  The migrated database equals a fresh build of the new schema',
        'PROVEN  The sample rows are all still there',
        'PROVEN  The relationship proofs pass on the migrated database',
        'PROVEN  The down migration brings back the old schema',
      ]);
      const { hostname, port, pathname } = new URL(superUrl);
      expect(stdout).toMatch(
        new RegExp(
          `\n1 step; 4 of 4 checks passed\nProved on PostgreSQL 15\\.\\d+ at ${hostname}:${port}${pathname}, in schema (erd_proof_[0-9a-f]{16}), rolled back\\.\nChecked afterwards: schema \\1 is gone, and no schema, table, view, type or function outside it appeared or disappeared\\.\n$`,
        ),
      );
      expect(code).toBe(0);
      expect(await publicBooks()).toEqual(before);
      expect(before.columns.map((c) => c.attname)).toEqual(['id', 'title']);
      expect(before.rows).toEqual([
        { id: 1, title: 'already here' },
        { id: 2, title: 'and this' },
      ]);
      expect(await leftovers()).toEqual([]);
    });

    it('exits 1 when a check fails there: a design whose optional end has a NOT NULL key', async () => {
      const optional = setEnd(renamed, deployed.relationshipId, 'from', ends.zeroOrOne);
      const contradiction = updateColumn(optional, books.id, authorKey.id, { isNotNull: true });
      const { code, stdout } = await erd({ [to]: projectFile(contradiction) }, 'diff', from, to, '--prove', '--database-url', proverUrl);
      expect(stdout).toMatch(/^FAILED {2}The relationship proofs pass on the migrated database$/m);
      expect(stdout).toContain(
        '    A book with no author (author_id is NULL): expected accepted, but PostgreSQL rejected with 23502 (not_null_violation)\n',
      );
      expect(stdout).toMatch(/\n1 step; 3 of 4 checks passed\nProved on PostgreSQL 15\.\d+ at /);
      expect(code).toBe(1);
      expect(await leftovers()).toEqual([]);
    });

    it("refuses (exit 1, naming it) a kept constraint whose SQL names public: it would lock and check the server's own books", async () => {
      await client.query(`INSERT INTO public.books VALUES (3, '')`);
      const check = aKeptObject({
        kind: 'constraint',
        name: 'title_set',
        sql: "ALTER TABLE public.books ADD CONSTRAINT title_set CHECK (title <> '');",
      });
      const before = await publicBooks();
      const { code, stdout, stderr } = await erd(
        { [to]: projectFile({ ...renamed, sqlObjects: [check] }) },
        'diff',
        from,
        to,
        '--prove',
        '--database-url',
        proverUrl,
      );
      // Then, as for any diff, the up script's risky steps.
      expect(stderr).toContain(
        'erd diff: cannot prove on a server: kept constraint title_set names schema "public" in its SQL, outside the one throwaway schema the proof may touch there; prove it in PGlite (without --database-url)\n',
      );
      expect(stdout).toBe('');
      expect(code).toBe(1);
      expect(await publicBooks()).toEqual(before);
      await client.query('DELETE FROM public.books WHERE id = 3');
      expect(await leftovers()).toEqual([]);
    });

    it('never reaches a server table through the search path: a kept view reading an undrawn table finds none', async () => {
      const view = aKeptObject({ kind: 'view', name: 'shelf', sql: 'CREATE VIEW shelf AS SELECT title FROM books;' });
      const design = { ...renamed, tables: renamed.tables.map((t) => (t.id === books.id ? { ...t, name: 'volumes' } : t)) };
      const { code, stdout } = await erd(
        { [to]: projectFile({ ...design, sqlObjects: [view] }) },
        'diff',
        from,
        to,
        '--prove',
        '--database-url',
        proverUrl,
      );
      // public.books is on the server, but only the proof's own schemas are on its search path.
      expect(stdout).toContain('relation "books" does not exist');
      expect(code).toBe(1);
      expect(await leftovers()).toEqual([]);
    });

    it('exits 1 on a step that can lose data unless --allow-data-loss, as without --prove, and names it by the drawn schema', async () => {
      // Deployed with a nullable books.note the design drops (down can add it back over rows).
      const note = { ...title, id: `${title.id}_note` as typeof title.id, name: 'note', isNotNull: false };
      const withNote = {
        ...deployed.schema,
        tables: deployed.schema.tables.map((t) => (t.id === books.id ? { ...t, columns: [...t.columns, note] } : t)),
      };
      const document: ErdDocument = {
        schema: deployed.schema,
        layout: {},
        versions: [makeVersion('deployed', withNote, 'marked', new Date('2026-12-03T12:00:00Z'))!],
      };
      const files = { [to]: serializeProjectFile(document) };
      const refused = await erd(files, 'diff', from, to, '--prove', '--database-url', proverUrl);
      expect(refused.stdout).toContain('1 step; 4 of 4 checks passed');
      expect(refused.stderr).toBe(
        'erd diff: can lose data: drops column books.note and its values\nerd diff: 1 step(s) can lose data (marked in the script); pass --allow-data-loss to exit 0 anyway\n',
      );
      expect(refused.code).toBe(1);
      const allowed = await erd(files, 'diff', from, to, '--prove', '--database-url', proverUrl, '--allow-data-loss');
      expect(allowed).toMatchObject({ code: 0, stderr: 'erd diff: can lose data: drops column books.note and its values\n' });
      expect(await leftovers()).toEqual([]);
    });

    it('refuses a superuser (exit 2) unless --allow-privileged-role', async () => {
      const files = { [to]: projectFile(renamed) };
      const refused = await erd(files, 'diff', from, to, '--prove', '--database-url', superUrl);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(
        /^erd: will not prove on postgres:\/\/postgres@.* as this role: role "postgres" is a superuser, so SQL in the two schemas/,
      );
      const allowed = await erd(files, 'diff', from, to, '--prove', '--database-url', superUrl, '--allow-privileged-role');
      expect(allowed.stdout).toContain('1 step; 4 of 4 checks passed');
      expect(allowed.code).toBe(0);
      expect(await leftovers()).toEqual([]);
    });
  },
);
