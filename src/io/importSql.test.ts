import { describe, expect, it } from 'vitest';
import { defaultDdlOptions, generateDdl, toSqlText } from '../ddl/index.ts';
import { type Relationship, type Schema, type SqlRunner } from '../model/index.ts';
import { aSchema, ends } from '../testing/factories.ts';
import { testPglite, testRunner } from '../testing/testDatabase.ts';
import { importSql, maxImportBytes, type ImportResult } from './importSql.ts';

async function imported(sql: string): Promise<Extract<ImportResult, { ok: true }>> {
  const result = await importSql(sql, await testRunner());
  if (!result.ok) throw new Error(`line ${result.error.line}: ${result.error.message}`);
  return result;
}

/** `child(columns) -> parent` with both ends and the 1:1 strategy, for compact expectations. */
function shape(schema: Schema, rel: Relationship) {
  const table = (id: string) => schema.tables.find((t) => t.id === id)!;
  const child = table(rel.to.tableId);
  const columns = rel.foreignKeyColumnIds.map((id) => child.columns.find((c) => c.id === id)!.name);
  const kind = rel.to.max === 1 ? rel.oneToOne : 'oneToMany';
  return `${child.schemaName}.${child.name}(${columns.join(', ')}) -> ${table(rel.from.tableId).schemaName}.${table(rel.from.tableId).name} parent ${rel.from.min}..${rel.from.max} child ${rel.to.min}..${rel.to.max} ${kind}`;
}

const parent = 'CREATE TABLE parent (id integer PRIMARY KEY);\n';

describe('importSql: relationships are inferred from keys', () => {
  it.each([
    [
      'the child primary key is the foreign key: 1:1 shared key',
      'CREATE TABLE child (parent_id integer PRIMARY KEY REFERENCES parent);',
      'public.child(parent_id) -> public.parent parent 1..1 child 0..1 sharedPrimaryKey',
    ],
    [
      'a UNIQUE constraint covers it: 1:1 FK + UNIQUE',
      'CREATE TABLE child (id int PRIMARY KEY, parent_id integer NOT NULL UNIQUE REFERENCES parent);',
      'public.child(parent_id) -> public.parent parent 1..1 child 0..1 foreignKeyUnique',
    ],
    [
      'a unique index covers it: 1:1',
      'CREATE TABLE child (id int PRIMARY KEY, parent_id integer REFERENCES parent);\nCREATE UNIQUE INDEX child_parent ON child (parent_id);',
      'public.child(parent_id) -> public.parent parent 0..1 child 0..1 foreignKeyUnique',
    ],
    [
      'an expression index does not',
      'CREATE TABLE child (id int PRIMARY KEY, parent_id integer REFERENCES parent);\nCREATE UNIQUE INDEX child_parent ON child ((parent_id * 1));',
      'public.child(parent_id) -> public.parent parent 0..1 child 0..many oneToMany',
    ],
    [
      'a plain nullable key: 1:N with an optional parent',
      'CREATE TABLE child (id int PRIMARY KEY, parent_id integer REFERENCES parent);',
      'public.child(parent_id) -> public.parent parent 0..1 child 0..many oneToMany',
    ],
    [
      'a key part of a bigger primary key: 1:N, mandatory parent',
      'CREATE TABLE child (parent_id integer REFERENCES parent, n int, PRIMARY KEY (parent_id, n));',
      'public.child(parent_id) -> public.parent parent 1..1 child 0..many oneToMany',
    ],
  ])('%s', async (_, child, expected) => {
    const { schema } = await imported(parent + child);
    expect(schema.relationships.map((r) => shape(schema, r))).toEqual([expected]);
    // A UNIQUE written in the CREATE TABLE stays the column's own; the DDL then needs no extra constraint for the 1:1.
    expect(schema.tables.find((t) => t.name === 'child')!.columns.find((c) => c.name === 'parent_id')!.isUnique).toBe(
      child.includes('UNIQUE REFERENCES'),
    );
  });

  it('leaves a UNIQUE added after the table to the 1:1 it makes, as the generator writes it', async () => {
    const { schema } = await imported(
      `${parent}CREATE TABLE child (id int PRIMARY KEY, parent_id integer NOT NULL);\nALTER TABLE child ADD CONSTRAINT child_parent_id_key UNIQUE (parent_id);\nALTER TABLE child ADD FOREIGN KEY (parent_id) REFERENCES parent;`,
    );
    expect(schema.relationships.map((r) => shape(schema, r))).toEqual([
      'public.child(parent_id) -> public.parent parent 1..1 child 0..1 foreignKeyUnique',
    ]);
    expect(schema.tables[1]!.columns.map((c) => c.isUnique)).toEqual([false, false]);
    expect(schema.tables[1]!.indexes).toEqual([]);
  });

  it('draws a key to a UNIQUE column other than the primary key (an alternate key), and the DDL gives it back', async () => {
    const { schema, notes } = await imported(
      'CREATE TABLE account (id int PRIMARY KEY, email text NOT NULL UNIQUE);\nCREATE TABLE login (id int PRIMARY KEY, email text REFERENCES account (email));',
    );
    expect(notes).toEqual([]);
    expect(schema.sqlObjects).toBeUndefined();
    const email = schema.tables.find((t) => t.name === 'account')!.columns.find((c) => c.name === 'email')!;
    expect(schema.relationships.map((r) => shape(schema, r))).toEqual([
      'public.login(email) -> public.account parent 0..1 child 0..many oneToMany',
    ]);
    expect(schema.relationships[0]).toMatchObject({ referencedColumnIds: [email.id], constraintName: 'login_email_fkey' });
    expect(toSqlText(generateDdl(schema).statements)).toContain(
      'ADD CONSTRAINT login_email_fkey FOREIGN KEY (email)\n  REFERENCES account (email);',
    );
    const again = (await imported(toSqlText(generateDdl(schema).statements))).schema;
    expect(again.relationships.map((r) => shape(again, r))).toEqual(schema.relationships.map((r) => shape(schema, r)));
  });

  it('reads a partial unique index as 1:N with a note saying why, and keeps the index as text', async () => {
    const { schema, notes } = await imported(
      `${parent}CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent, active boolean);\nCREATE UNIQUE INDEX one_active ON child (parent_id) WHERE active;`,
    );
    expect(schema.relationships.map((r) => shape(schema, r))).toEqual([
      'public.child(parent_id) -> public.parent parent 0..1 child 0..many oneToMany',
    ]);
    expect(notes.find((n) => n.includes('"one_active"'))).toMatch(/one-to-many.*partial/);
    expect(schema.sqlObjects).toEqual([
      expect.objectContaining({
        kind: 'index',
        name: 'one_active',
        sql: 'CREATE UNIQUE INDEX one_active ON public.child USING btree (parent_id) WHERE active;',
      }),
    ]);
  });

  it('orders a composite key by the parent primary key, whatever order the constraint lists it in', async () => {
    const { schema } = await imported(
      'CREATE TABLE country (code char(2), n int, PRIMARY KEY (code, n));\nCREATE TABLE city (id int PRIMARY KEY, cn int NOT NULL, cc char(2) NOT NULL, FOREIGN KEY (cn, cc) REFERENCES country (n, code) ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED);',
    );
    expect(schema.relationships.map((r) => shape(schema, r))).toEqual([
      'public.city(cc, cn) -> public.country parent 1..1 child 0..many oneToMany',
    ]);
    expect(schema.relationships[0]).toMatchObject({ onDelete: 'cascade', onUpdate: 'set null', isDeferrable: true });
    expect(schema.tables[0]!.columns.map((c) => [c.name, c.type, c.isPrimaryKey])).toEqual([
      ['code', 'char(2)', true],
      ['n', 'integer', true],
    ]);
  });

  it('reads a self reference and tables in two schemas', async () => {
    const { schema } = await imported(
      'CREATE TABLE employee (id int PRIMARY KEY, manager_id int REFERENCES employee);\nCREATE SCHEMA sales;\nCREATE TABLE sales.employee (id int PRIMARY KEY, staff_id int NOT NULL REFERENCES public.employee);',
    );
    expect(schema.tables.map((t) => `${t.schemaName}.${t.name}`)).toEqual(['public.employee', 'sales.employee']);
    expect(schema.relationships.map((r) => shape(schema, r))).toEqual([
      'public.employee(manager_id) -> public.employee parent 0..1 child 0..many oneToMany',
      'sales.employee(staff_id) -> public.employee parent 1..1 child 0..many oneToMany',
    ]);
  });

  it("reads the generator's mandatory-both-sides 1:1 (deferred key and triggers) back as the one relationship", async () => {
    const drawn = aSchema(ends.exactlyOne, ends.exactlyOne, { parent: 'countries', child: 'capitals' }).schema;
    const ddl = toSqlText(generateDdl(drawn).statements);
    expect(ddl).toContain('CREATE CONSTRAINT TRIGGER');
    const { schema } = await imported(ddl);
    expect(schema.relationships.map((r) => shape(schema, r))).toEqual([
      `public.${drawn.tables[1]!.name}(country_id) -> public.countries parent 1..1 child 1..1 foreignKeyUnique`,
    ]);
    expect(schema.sqlObjects).toBeUndefined();
    expect(toSqlText(generateDdl(schema).statements)).toBe(ddl);
  });

  it('reads hand-written mutual DEFERRABLE keys as one 1:1 with both ends mandatory, keeping the other key as text', async () => {
    const { schema, notes } = await imported(`
      CREATE TABLE country (id int PRIMARY KEY, capital_id int NOT NULL UNIQUE);
      CREATE TABLE capital (id int PRIMARY KEY, country_id int NOT NULL UNIQUE);
      ALTER TABLE country ADD CONSTRAINT country_capital FOREIGN KEY (capital_id) REFERENCES capital DEFERRABLE INITIALLY DEFERRED;
      ALTER TABLE capital ADD CONSTRAINT capital_country FOREIGN KEY (country_id) REFERENCES country DEFERRABLE INITIALLY DEFERRED;`);
    expect(schema.relationships.map((r) => shape(schema, r))).toEqual([
      'public.country(capital_id) -> public.capital parent 1..1 child 1..1 foreignKeyUnique',
    ]);
    expect(schema.sqlObjects?.map((o) => [o.kind, o.name])).toEqual([['constraint', 'capital_country']]);
    expect(schema.tables[1]!.columns.find((c) => c.name === 'country_id')!.isUnique).toBe(true);
    expect(notes.some((n) => n.includes('both ends mandatory'))).toBe(true);
    const again = await imported(toSqlText(generateDdl(schema).statements));
    expect(again.schema.relationships.map((r) => shape(again.schema, r))).toEqual([
      'public.country(capital_id) -> public.capital parent 1..1 child 1..1 foreignKeyUnique',
    ]);
  });

  it("reads the generator's junction table back as the many-to-many it was made for", async () => {
    const drawn = aSchema(ends.oneOrMany, ends.zeroOrMany, { parent: 'students', child: 'courses' }).schema;
    const ddl = toSqlText(generateDdl(drawn).statements);
    const { schema } = await imported(ddl);
    expect(schema.tables.map((t) => t.name)).toEqual(['students', 'courses']);
    expect(schema.relationships).toEqual([
      expect.objectContaining({
        from: expect.objectContaining({ min: 1, max: 'many' }),
        to: expect.objectContaining({ min: 0, max: 'many' }),
        junction: { name: '', columns: [] },
      }),
    ]);
    expect(toSqlText(generateDdl(schema).statements)).toBe(ddl);
  });
});

describe('importSql: columns, types and kept objects', () => {
  it("reads types in the editor's spelling, keys, defaults, identity, serial, checks, indexes, enums and comments", async () => {
    const { schema } = await imported(`
      CREATE TYPE mood AS ENUM ('sad', 'ok');
      CREATE TABLE item (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code character varying(80) NOT NULL UNIQUE,
        price numeric(10,2) DEFAULT 0 CHECK (price >= 0),
        seen timestamp with time zone DEFAULT now(),
        n serial,
        feeling mood,
        tags text[],
        a int, b int,
        UNIQUE (a, b)
      );
      CREATE INDEX item_seen ON item (seen);
      COMMENT ON TABLE item IS 'Things <b>sold</b>';
      COMMENT ON COLUMN item.code IS 'SKU';`);
    const item = schema.tables[0]!;
    expect(item.comment).toBe('Things <b>sold</b>');
    expect(item.columns.map((c) => [c.name, c.type, c.isPrimaryKey, c.isNotNull, c.isUnique, c.defaultValue, c.identity])).toEqual([
      ['id', 'integer', true, true, false, null, 'always'],
      ['code', 'varchar(80)', false, true, true, null, null],
      ['price', 'numeric(10,2)', false, false, false, '0', null],
      ['seen', 'timestamptz', false, false, false, 'now()', null],
      ['n', 'serial', false, true, false, null, null],
      ['feeling', 'mood', false, false, false, null, null],
      ['tags', 'text[]', false, false, false, null, null],
      ['a', 'integer', false, false, false, null, null],
      ['b', 'integer', false, false, false, null, null],
    ]);
    expect(item.columns[1]!.comment).toBe('SKU');
    expect(item.checks).toEqual([expect.objectContaining({ name: 'item_price_check', expression: '(price >= (0)::numeric)' })]);
    expect(item.indexes.map((i) => [i.name, i.isUnique, i.columnIds.length])).toEqual([
      ['item_seen', false, 1],
      ['item_a_b_key', true, 2],
    ]);
    expect(schema.enums).toEqual([expect.objectContaining({ name: 'mood', schemaName: 'public', values: ['sad', 'ok'] })]);
    expect(schema.sqlObjects).toBeUndefined();
  });

  it('keeps views, functions and triggers as text that the DDL appends after the tables', async () => {
    const { schema } = await imported(`
      CREATE TABLE t (id int PRIMARY KEY, touched timestamptz);
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := now(); RETURN NEW; END $$;
      CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
      CREATE VIEW recent AS SELECT id FROM t WHERE touched > now() - interval '1 day';`);
    expect(schema.sqlObjects?.map((o) => [o.kind, o.name])).toEqual([
      ['function', 'touch()'],
      ['view', 'recent'],
      ['trigger', 't_touch on t'],
    ]);
    const statements = generateDdl(schema).statements;
    // Kept functions are created as pg_dump creates them: without checking their bodies first.
    expect(statements.map((s) => s.kind)).toEqual(['setting', 'createTable', 'sqlObject', 'sqlObject', 'sqlObject']);
    expect(statements[0]!.sql).toBe('SET check_function_bodies = false;');
    expect(statements.map((s) => s.sql.split('\n')[0])).toEqual([
      'SET check_function_bodies = false;',
      'CREATE TABLE t (',
      'CREATE OR REPLACE FUNCTION public.touch()',
      'CREATE VIEW recent AS',
      'CREATE TRIGGER t_touch BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION touch();',
    ]);
    expect(generateDdl(schema, { ...defaultDdlOptions, includeSqlObjects: false }).statements.map((s) => s.kind)).toEqual(['createTable']);
    const again = await imported(toSqlText(statements));
    expect(again.schema.sqlObjects?.map((o) => o.sql)).toEqual(schema.sqlObjects?.map((o) => o.sql));
  });
});

describe('importSql: what real scripts carry besides DDL', () => {
  it('skips data, ownership, privileges, roles, psql commands and refused settings, and counts them', async () => {
    const { schema, summary, skipped } = await imported(`
SET statement_timeout = 0;
SET erd_no_such_setting = 1;
SELECT pg_catalog.set_config('search_path', '', false);
\\connect shop
CREATE ROLE shopper;
CREATE TABLE public.item (id integer NOT NULL, name text);
ALTER TABLE public.item OWNER TO shopper;
ALTER TABLE ONLY public.item ADD CONSTRAINT item_pkey PRIMARY KEY (id);
COPY public.item (id, name) FROM stdin;
1\tpen
2\tink
\\.
INSERT INTO public.item VALUES (3, 'pad');
SELECT pg_catalog.setval('public.item_id_seq', 3, true);
GRANT SELECT ON public.item TO PUBLIC;
REVOKE ALL ON public.item FROM shopper;
`);
    expect(schema.tables.map((t) => t.name)).toEqual(['item']);
    expect(skipped).toEqual({
      SET: 1,
      'psql \\connect': 1,
      'CREATE ROLE': 1,
      'OWNER TO': 1,
      COPY: 1,
      'COPY rows': 2,
      INSERT: 1,
      setval: 1,
      GRANT: 1,
      REVOKE: 1,
    });
    expect(summary).toBe(
      'skipped: 1 SET, 1 psql \\connect, 1 CREATE ROLE, 1 OWNER TO, 1 COPY, 2 COPY rows, 1 INSERT, 1 setval, 1 GRANT, 1 REVOKE',
    );
  });

  it('reads migration files with quoted names, DO blocks and statement breakpoints', async () => {
    const { schema } = await imported(`-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
CREATE TABLE IF NOT EXISTS "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'USER',
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "Post" ("id" SERIAL PRIMARY KEY, "authorId" INTEGER);
--> statement-breakpoint
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
DO $$ BEGIN
 ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;`);
    expect(schema.tables.map((t) => t.columns.map((c) => `${c.name} ${c.type}${c.defaultValue ? ` = ${c.defaultValue}` : ''}`))).toEqual([
      ['id serial', 'email text', `role "Role" = 'USER'::"Role"`],
      ['id serial', 'authorId integer'],
    ]);
    expect(schema.relationships.map((r) => shape(schema, r))).toEqual([
      'public.Post(authorId) -> public.User parent 0..1 child 0..many oneToMany',
    ]);
    expect(schema.relationships[0]).toMatchObject({ onDelete: 'set null', onUpdate: 'cascade' });
    expect(schema.tables[0]!.indexes).toEqual([expect.objectContaining({ name: 'User_email_key', isUnique: true })]);
  });

  it('keeps a missing extension as text and reads the types it would provide as written', async () => {
    const { schema, notes } = await imported(`
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE account (id int PRIMARY KEY, email citext NOT NULL, name varchar(40));
CREATE INDEX account_name_trgm ON account USING gin (name gin_trgm_ops);`);
    expect(schema.tables[0]!.columns.map((c) => c.type)).toEqual(['integer', 'citext', 'varchar(40)']);
    expect(schema.sqlObjects?.map((o) => o.sql)).toEqual(['CREATE EXTENSION IF NOT EXISTS citext;']);
    expect(notes).toEqual([
      expect.stringContaining('extension "citext" is not available'),
      expect.stringMatching(/^Line 4: not imported.*gin_trgm_ops/),
    ]);
  });
});

describe('importSql: objects the diagram does not draw', () => {
  it('keeps EXCLUDE constraints as text and says which objects it could not keep', async () => {
    const { schema, notes } = await imported(`
      CREATE TABLE booking (id int PRIMARY KEY, room int, during tsrange, EXCLUDE USING gist (during WITH &&));
      CREATE RULE no_delete AS ON DELETE TO booking DO INSTEAD NOTHING;
      ALTER TABLE booking ENABLE ROW LEVEL SECURITY;
      CREATE POLICY mine ON booking USING (room > 0);`);
    expect(schema.sqlObjects?.map((o) => o.sql)).toEqual([
      'ALTER TABLE booking\n  ADD CONSTRAINT booking_during_excl EXCLUDE USING gist (during WITH &&);',
    ]);
    expect(notes).toEqual(['Not imported: 1 rule (CREATE RULE), 1 row-level security policy, ENABLE ROW LEVEL SECURITY on 1 table.']);
  });
});

describe('importSql: errors and hostile input', () => {
  it("names the line, the statement and PostgreSQL's message, and returns no schema", async () => {
    const result = await importSql(
      'CREATE TABLE a (id int PRIMARY KEY);\n\nCREATE TABLE b (\n  id int,\n  a_id int REFERENCES nope (id)\n);\n',
      await testRunner(),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        line: 3,
        statement: 'CREATE TABLE b (\n  id int,\n  a_id int REFERENCES nope (id)\n);',
        message: 'relation "nope" does not exist',
        code: '42P01',
      },
    });
  });

  it('points at the line within a statement where PostgreSQL says the error is, with its hint', async () => {
    const syntax = await importSql('-- one\nCREATE TABLE c (\n  id int,,\n  x int\n);', await testRunner());
    expect(syntax).toMatchObject({ ok: false, error: { line: 3, message: 'syntax error at or near ","', code: '42601' } });
    const hinted = await importSql('CREATE TABLE d (\n  id text DEFAULT lower(1)\n);', await testRunner());
    expect(hinted).toMatchObject({ ok: false, error: { line: 2, code: '42883', hint: expect.stringContaining('explicit type casts') } });
  });

  it('leaves the database as it was, even when the script commits or fails half way', async () => {
    const pg = await testPglite();
    await pg.exec('CREATE TABLE before_import (id int PRIMARY KEY)');
    try {
      const result = await imported('COMMIT;\nCREATE TABLE leaked (id int);\nBEGIN;\nROLLBACK;\nCREATE TABLE also (id int);');
      expect(result.schema.tables.map((t) => t.name)).toEqual(['leaked', 'also']);
      expect(result.skipped['transaction control']).toBe(3);
      await importSql('CREATE TABLE half (id int);\nCREATE TABLE broken (;', await testRunner());
      const { rows } = await pg.query<{ leaked: string | null; half: string | null }>(
        `SELECT to_regclass('leaked')::text AS leaked, to_regclass('half')::text AS half`,
      );
      expect(rows[0]).toEqual({ leaked: null, half: null });
      expect(pg.isInTransaction()).toBe(false);
    } finally {
      await pg.exec('DROP TABLE before_import');
    }
  });

  it('refuses a script over the size limit before running anything', async () => {
    const untouchable: SqlRunner = {
      exec: () => Promise.reject(new Error('ran')),
      query: () => Promise.reject(new Error('ran')),
      execEach: () => Promise.reject(new Error('ran')),
    };
    const huge = `CREATE TABLE t (id int);\n${'-- padding padding padding padding\n'.repeat(Math.ceil((20 * 1024 * 1024) / 35))}`;
    const result = await importSql(huge, untouchable);
    expect(result).toMatchObject({
      ok: false,
      error: { line: 0, message: expect.stringMatching(/^The script is 20\.0 MB; imports take at most 8\.0 MB/) },
    });
    expect(maxImportBytes).toBeLessThan(huge.length);
  });

  it('does not run the query of a materialized view or CREATE TABLE AS, which could run for ever', async () => {
    const forever = 'WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n FROM r) SELECT n FROM r';
    const { schema } = await imported(`CREATE MATERIALIZED VIEW endless AS ${forever};\nCREATE TABLE endless_copy AS ${forever};`);
    expect(schema.tables.map((t) => t.name)).toEqual(['endless_copy']);
    expect(schema.sqlObjects?.map((o) => [o.kind, o.name])).toEqual([['materializedView', 'endless']]);
  });

  it('imports names that look like markup as plain names, and malformed SQL as an error', async () => {
    const { schema } = await imported('CREATE TABLE "<script>alert(1)</script>" ("<img src=x onerror=alert(1)>" int PRIMARY KEY);');
    expect(schema.tables[0]!.name).toBe('<script>alert(1)</script>');
    expect(schema.tables[0]!.columns[0]!.name).toBe('<img src=x onerror=alert(1)>');
    for (const bad of ["CREATE TABLE 'x' (id int);", 'CREATE TABLE (', "INSERT INTO t VALUES ('open", 'DROP TABLE nothing_here;']) {
      const result = await importSql(bad, await testRunner());
      expect(result.ok, bad).toBe(bad.startsWith('INSERT'));
    }
    expect(await imported('')).toMatchObject({ schema: { tables: [], relationships: [], enums: [] }, summary: 'nothing skipped' });
  });
});
