import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addTable,
  asSqlError,
  emptySchema,
  parseSql,
  validateSchema,
  type Schema,
  type SqlObject,
  type SqlObjectKind,
  type SqlRunner,
} from '../model/index.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { propertyRuns, propertyTimeout } from '../testing/propertyRuns.ts';
import { generateDdl } from './generateDdl.ts';
import { toSqlText } from './statement.ts';

/**
 * A stranger's document carries SQL text in every place the DDL embeds it. Random texts built from the
 * tokens that smuggle SQL (quotes, E-strings after any letter or symbol, dollar quotes, comments,
 * semicolons, COMMIT/ROLLBACK, backslashes) must each end as a model error, or as DDL that creates
 * exactly the objects the document describes and nothing else, in PGlite and in PostgreSQL 15.
 */
const smugglingTokens = [
  "'",
  '"',
  "E'",
  "e'",
  "€e'",
  "\u00a0e'",
  "漢E'",
  "$e'",
  '$$',
  '$a$',
  '$e$',
  '--',
  '/*',
  '*/',
  ';',
  '\\',
  "\\'",
  "''",
  'COMMIT',
  'ROLLBACK',
  'BEGIN',
  'END',
  'DROP TABLE IF EXISTS public.victim',
  'CREATE TABLE public.planted (id int)',
  'DO $$ BEGIN END $$',
  '(',
  ')',
  ',',
  '::text',
  ' ',
  'x',
  '1',
  "'a'",
  "E'\\''",
  'NOT NULL',
  'CHECK (false)',
  'DEFAULT 1',
  'COLLATE "C"',
  'PRIMARY KEY',
  'int',
  'é',
];
const hostileText = fc.array(fc.constantFrom(...smugglingTokens), { minLength: 1, maxLength: 10 }).map((tokens) => tokens.join(''));

/** Texts that are probably valid, with hostile tokens mixed in, so that some reach PostgreSQL. */
const plausible = (base: string) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant(base) },
    { weight: 1, arbitrary: hostileText.map((t) => `${base}${t}`) },
    { weight: 1, arbitrary: hostileText.map((t) => `${base} ${t}`) },
    { weight: 1, arbitrary: hostileText },
  );

/** Where each kept kind starts, naming an object `k_<kind>` in the scratch schema. */
const keptStarts: Partial<Record<SqlObjectKind, string>> = {
  domain: 'CREATE DOMAIN k_domain AS int',
  type: "CREATE TYPE k_type AS ENUM ('a')",
  sequence: 'CREATE SEQUENCE k_sequence',
  function: 'CREATE FUNCTION k_function() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$',
};

const hostileDocument: fc.Arbitrary<Schema> = fc
  .record({
    type: plausible('integer'),
    defaultValue: plausible("'x'"),
    check: plausible('id > 0'),
    keptKind: fc.constantFrom(...(Object.keys(keptStarts) as SqlObjectKind[])),
    kept: fc.option(fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 1, arbitrary: hostileText }), { nil: undefined }),
  })
  .map(({ type, defaultValue, check, keptKind, kept }) => {
    const { schema } = addTable(emptySchema, 't');
    const table = schema.tables[0]!;
    const columns = [
      { ...table.columns[0]!, name: 'id', type: 'integer', isPrimaryKey: true, isNotNull: true },
      {
        ...table.columns[0]!,
        id: 'col_hostile' as (typeof table.columns)[0]['id'],
        name: 'c',
        type,
        isPrimaryKey: false,
        isNotNull: false,
        defaultValue,
      },
    ];
    const sqlObjects: SqlObject[] =
      kept === undefined ? [] : [{ id: 'sql_hostile', kind: keptKind, name: `k_${keptKind}`, sql: `${keptStarts[keptKind]}${kept};` }];
    return {
      ...schema,
      tables: [{ ...table, name: 't', columns, checks: [{ id: 'chk_hostile', name: '', expression: check }] }],
      sqlObjects,
    };
  });

/** Objects the proof schema may hold after the DDL: the table, its key, sequence and constraints, and the kept object. */
const describedObject = /^(t|t(_\w+)?_(pkey|key|seq|check\d*|not_null)|k_(domain|type|sequence|function))$/;

interface Catalog {
  outside: string;
  inScratch: string[];
  xid: string;
}

async function catalog(db: SqlRunner): Promise<Catalog> {
  const { rows } = await db.query(`SELECT
      (SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
         SELECT 'r' || c.oid::regclass::text AS x FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('scratch', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'
         UNION ALL SELECT 'n' || nspname FROM pg_namespace
         UNION ALL SELECT 'p' || p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname <> 'scratch'
         UNION ALL SELECT 't' || t.oid::regtype::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname NOT IN ('scratch', 'pg_toast')) o) AS outside,
      (SELECT coalesce(json_agg(name ORDER BY name), '[]') FROM (
         SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'scratch'::regnamespace
         UNION SELECT conname FROM pg_constraint WHERE connamespace = 'scratch'::regnamespace
         UNION SELECT proname FROM pg_proc WHERE pronamespace = 'scratch'::regnamespace
         UNION SELECT typname FROM pg_type WHERE typnamespace = 'scratch'::regnamespace AND typtype IN ('d', 'e') ) s) AS "inScratch",
      pg_current_xact_id()::text AS xid`);
  const row = rows[0] as { outside: string; inScratch: string[] | string; xid: string };
  return {
    outside: row.outside,
    inScratch: typeof row.inScratch === 'string' ? (JSON.parse(row.inScratch) as string[]) : row.inScratch,
    xid: row.xid,
  };
}

const runs = propertyRuns(150);

describe.each(engines)('hostile SQL text in a document, on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  it.skipIf(Boolean(skip))(
    skip ? `skipped: ${skip}` : 'is a model error, or DDL that creates exactly what the document describes',
    async () => {
      const db = await engine.runner();
      let reachedPostgres = 0;
      await fc.assert(
        fc.asyncProperty(hostileDocument, async (schema) => {
          if (validateSchema(schema).some((p) => p.severity === 'error')) return;
          const { statements, problems } = generateDdl(schema);
          expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
          // The exported script, run by psql as text, must hold exactly the statements generated, one by one.
          const texts = (sql: string) => {
            const parsed = parseSql(sql);
            return 'error' in parsed ? [parsed.error.message] : parsed.statements.map((s) => s.text);
          };
          expect(texts(toSqlText(statements))).toEqual(statements.flatMap((s) => texts(s.sql)));
          reachedPostgres++;
          await db.exec('BEGIN');
          try {
            await db.execEach([
              'CREATE TABLE IF NOT EXISTS public.victim (id int)',
              'CREATE SCHEMA scratch',
              'SET LOCAL search_path TO scratch',
            ]);
            const before = await catalog(db);
            try {
              await db.execEach(statements.map((s) => s.sql));
            } catch (error) {
              // PostgreSQL may refuse a text the grammar accepts (a type that does not exist): that is not smuggling.
              if (!asSqlError(error)) throw error;
              await db.exec('ROLLBACK');
              return;
            }
            const after = await catalog(db);
            expect(after.xid, 'the DDL ended the transaction').toBe(before.xid);
            expect(after.outside, 'the DDL changed something outside its schema').toBe(before.outside);
            expect(after.inScratch.filter((name) => !describedObject.test(name))).toEqual([]);
          } finally {
            await db.exec('ROLLBACK').catch(() => {});
          }
        }),
        { numRuns: runs },
      );
      // Most hostile texts are model errors; some must still reach PostgreSQL, or the property proves nothing.
      expect(reachedPostgres).toBeGreaterThan(runs / 20);
    },
    propertyTimeout(runs, 60),
  );
});
