import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main, nodeIo } from './main.ts';
import { examplePath } from '../testing/example.ts';

/** Runs `erd` in-process with the real connections (PGlite is never opened here), capturing output. */
async function erd(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { ...nodeIo(), stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** A port on 127.0.0.1 that nothing listens on. */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

type Doc = {
  schema: {
    tables: { name: string; schemaName: string; columns: Record<string, unknown>[] }[];
    enums: Record<string, unknown>[];
    relationships: Record<string, unknown>[];
  };
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'erd-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The example, changed by `edit`, written to a file of its own. */
async function exampleWith(name: string, edit: (doc: Doc) => void): Promise<string> {
  const doc = JSON.parse(await readFile(examplePath, 'utf8')) as Doc;
  edit(doc);
  const path = join(dir, `${name}.erd.json`);
  await writeFile(path, JSON.stringify(doc));
  return path;
}

describe('erd prove --database-url, before any server answers', () => {
  it('exits 2 naming the server but never the password when nothing listens', async () => {
    const port = await unusedPort();
    const { code, stdout, stderr } = await erd(
      'prove',
      examplePath,
      '--database-url',
      `postgres://alice:s3cret-pw@127.0.0.1:${port}/app?password=s3cret-pw`,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`erd: cannot connect to postgres://alice@127.0.0.1:${port}/app: connection refused\n`);
  });

  it('exits 2 on a URL that is not postgres://, without repeating it', async () => {
    const { code, stderr } = await erd('prove', examplePath, '--database-url', 'mysql://alice:s3cret-pw@db.example/app');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^erd: --database-url must be a postgres:\/\/ URL/);
    expect(stderr).not.toContain('s3cret-pw');
  });

  it('refuses, exit 1 and without connecting, a document whose tables would collide in one schema', async () => {
    const path = await exampleWith('collision', (doc) => {
      doc.schema.tables[2]!.name = 'authors';
      doc.schema.tables[2]!.schemaName = 'archive';
    });
    const port = await unusedPort();
    const { code, stdout, stderr } = await erd('prove', path, '--database-url', `postgres://alice@127.0.0.1:${port}/app`);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `erd: ${path}: cannot prove on a server: in the one throwaway schema the proof uses there, two tables are named "authors"; rename one\n`,
    );
  });
});

const url = inject('postgresUrl');
const skip = url ? false : inject('postgresSkipReason');

describe.skipIf(Boolean(skip))(skip ? `erd prove on a PostgreSQL server: skipped: ${skip}` : 'erd prove on a PostgreSQL server', () => {
  let client: pg.Client;
  let version: string;
  const address = () => {
    const { hostname, port, pathname } = new URL(url!);
    return `${hostname}:${port}${pathname}`;
  };
  const leftovers = async () => (await client.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'erd\\_proof\\_%'`)).rows;

  // The proofs run as an ordinary role: erd refuses a superuser (see the test below).
  let proverUrl: string;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: url! });
    await client.connect();
    version = (await client.query<{ v: string }>('SELECT split_part(current_setting($$server_version$$), $$ $$, 1) AS v')).rows[0]!.v;
    await client.query(`DO $$ BEGIN CREATE ROLE erd_prover LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await client.query(`GRANT CREATE ON DATABASE ${new URL(url!).pathname.slice(1) || 'postgres'} TO erd_prover`);
    const prover = new URL(url!);
    prover.username = 'erd_prover';
    prover.password = '';
    proverUrl = prover.toString();
  });
  afterAll(async () => {
    await client?.end();
  });

  it('proves the example and says on which server', async () => {
    const { code, stdout, stderr } = await erd('prove', examplePath, '--database-url', proverUrl);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('PASS  A second passport_info for the same author');
    expect(stdout).toContain('Proved 18 of 18 scenarios (0 failing, 0 not provable).');
    expect(stdout).toMatch(
      new RegExp(
        `\nProved on PostgreSQL ${version.replaceAll('.', '\\.')} at ${address()}, in schema erd_proof_[0-9a-f]{16}, rolled back\\.\nChecked afterwards: schema erd_proof_[0-9a-f]{16} is gone, and no schema, table, view, type or function outside it appeared or disappeared\\.\n$`,
      ),
    );
    expect(await leftovers()).toEqual([]);
  });

  it('--json gains the server', async () => {
    const { code, stdout } = await erd('prove', examplePath, '--database-url', proverUrl, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.summary).toEqual({ passed: 18, failed: 0, notProvable: 0 });
    const { hostname, port, pathname } = new URL(url!);
    expect(json.leftBehind).toEqual({ schemaGone: true, added: [], removed: [] });
    expect(json.server).toEqual({
      version,
      host: hostname,
      port: Number(port),
      database: pathname.slice(1),
      schema: expect.stringMatching(/^erd_proof_[0-9a-f]{16}$/),
    });
  });

  it('exits 1 when a scenario fails there', async () => {
    const path = await exampleWith('contradiction', (doc) => {
      (doc.schema.relationships[0]!.from as { min: number }).min = 0;
      doc.schema.tables[1]!.columns[2]!.isNotNull = true;
    });
    const { code, stdout } = await erd('prove', path, '--database-url', proverUrl);
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL  A passport_info with no author (author_id is NULL)');
    expect(await leftovers()).toEqual([]);
  });

  it('refuses to prove as a superuser, whose document SQL could reach the server machine, unless told to', async () => {
    const refused = await erd('prove', examplePath, '--database-url', url!);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^erd: will not prove on postgres:\/\/postgres@.* as this role: role "postgres" is a superuser, so SQL in the document/,
    );
    const allowed = await erd('prove', examplePath, '--database-url', url!, '--allow-privileged-role');
    expect(allowed.code).toBe(0);
    expect(await leftovers()).toEqual([]);
  });

  it('refuses the reproduced attack: a kept domain that commits and drops a table never reaches the server', async () => {
    await client.query('CREATE TABLE IF NOT EXISTS public.victim_cli (id int)');
    try {
      const path = await exampleWith('smuggled-commit', (doc) => {
        (doc.schema as Record<string, unknown>).sqlObjects = [
          {
            id: 'sql_evil',
            kind: 'domain',
            name: 'd',
            // Unqualified: naming public would be refused before the proof (see below).
            sql: 'CREATE DOMAIN d AS int; COMMIT; DROP TABLE IF EXISTS victim_cli; COMMIT; BEGIN',
          },
        ];
      });
      const { code, stdout } = await erd('prove', path, '--database-url', proverUrl);
      expect(code).toBe(1);
      expect(stdout).toMatch(
        /The kept domain "d" must be one CREATE DOMAIN statement, but is CREATE DOMAIN; COMMIT; DROP TABLE; COMMIT; BEGIN/,
      );
      expect((await client.query(`SELECT to_regclass('public.victim_cli') IS NOT NULL AS present`)).rows[0].present).toBe(true);
      expect(await leftovers()).toEqual([]);
    } finally {
      await client.query('DROP TABLE IF EXISTS public.victim_cli');
    }
  });

  it("refuses (exit 1, naming the table) a default that names public: nextval would advance the server's own sequence", async () => {
    await client.query('CREATE SEQUENCE IF NOT EXISTS public.cli_ids');
    try {
      const path = await exampleWith('public-sequence', (doc) => {
        doc.schema.tables[0]!.columns[0]!.defaultValue = "nextval('public.cli_ids'::regclass)";
      });
      const { code, stdout, stderr } = await erd('prove', path, '--database-url', proverUrl);
      expect(stderr).toMatch(
        /^erd: .*public-sequence\.erd\.json: cannot prove on a server: table \w+ names schema "public" in its SQL, outside the one throwaway schema the proof may touch there; prove it in PGlite \(without --database-url\)\n$/,
      );
      expect(stdout).toBe('');
      expect(code).toBe(1);
      expect((await client.query('SELECT last_value, is_called FROM public.cli_ids')).rows).toEqual([
        { last_value: '1', is_called: false },
      ]);
      expect(await leftovers()).toEqual([]);
    } finally {
      await client.query('DROP SEQUENCE IF EXISTS public.cli_ids');
    }
  });

  describe('with tables in a schema the server already has', () => {
    // Not "app": the DDL tests use that name on this server at the same time.
    const existing = 'cli_app';
    beforeAll(async () => {
      await client.query(`DROP SCHEMA IF EXISTS ${existing} CASCADE`);
      await client.query(`CREATE SCHEMA ${existing}`);
      await client.query(`CREATE TYPE ${existing}.mood AS ENUM ('kept')`);
      await client.query(`CREATE TABLE ${existing}.authors (id integer PRIMARY KEY, name text NOT NULL, mood ${existing}.mood)`);
      await client.query(`INSERT INTO ${existing}.authors VALUES (1, 'already here', 'kept')`);
    });
    afterAll(async () => {
      await client.query(`DROP SCHEMA IF EXISTS ${existing} CASCADE`);
    });
    const snapshot = async () => ({
      rows: (await client.query(`SELECT * FROM ${existing}.authors ORDER BY id`)).rows,
      objects: (
        await client.query(`SELECT relname, relkind FROM pg_class WHERE relnamespace = '${existing}'::regnamespace ORDER BY relname`)
      ).rows,
      types: (await client.query(`SELECT enum_range(NULL::${existing}.mood)::text AS labels`)).rows,
    });

    it('proves it in the throwaway schema and leaves theirs as it was', async () => {
      const before = await snapshot();
      const path = await exampleWith('in-schema', (doc) => {
        for (const table of doc.schema.tables) table.schemaName = existing;
        doc.schema.enums.push({ id: 'enum_mood', name: 'mood', schemaName: existing, values: ['calm', 'busy'] });
        doc.schema.tables[0]!.columns.push({
          ...doc.schema.tables[0]!.columns[1]!,
          id: 'col_authors_mood',
          name: 'mood',
          type: `${existing}.mood`,
        });
      });
      const { code, stdout, stderr } = await erd('prove', path, '--database-url', proverUrl, '--json');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(json.summary).toEqual({ passed: 18, failed: 0, notProvable: 0 });
      const sql = JSON.stringify(json.results.map((r: { sql: string[] }) => r.sql));
      expect(sql).toContain(`INSERT INTO ${json.server.schema}.authors (id, name, mood) VALUES (`);
      expect(sql).not.toContain(`${existing}.`);
      expect(await snapshot()).toEqual(before);
      expect(before.rows).toEqual([{ id: 1, name: 'already here', mood: 'kept' }]);
      expect(await leftovers()).toEqual([]);
    });
  });
});
