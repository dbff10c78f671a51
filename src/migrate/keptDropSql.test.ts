import { afterAll, describe, expect, it } from 'vitest';
import { emptySchema, parseSql, validateSchema, type Schema, type SqlObject } from '../model/index.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { aKeptObject, withTable } from '../testing/factories.ts';
import { expectMigrates } from '../testing/migrationCheck.ts';
import { diffSchemas, toMigrationSql } from './index.ts';

// A kept object's name is only shown: a name that reads as SQL must never reach a migration.
const evil = `x; SELECT setval('public.review_seq', 4242)`;
const base = withTable(emptySchema, 'books', { name: 'title', type: 'text' }).schema;
const touch = aKeptObject({
  kind: 'function',
  name: 'touch()',
  sql: 'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;',
});

interface Case {
  label: string;
  kept: Partial<SqlObject>;
  drop: string;
  needs?: SqlObject[];
}

const cases: Case[] = [
  { label: 'view', kept: { kind: 'view', sql: 'CREATE VIEW "odd ""view""" AS SELECT 1 AS one;' }, drop: 'DROP VIEW "odd ""view"""' },
  {
    label: 'materialized view',
    kept: { kind: 'materializedView', sql: 'CREATE MATERIALIZED VIEW "odd mv" AS SELECT 1 AS one WITH NO DATA;' },
    drop: 'DROP MATERIALIZED VIEW "odd mv"',
  },
  { label: 'index', kept: { kind: 'index', sql: 'CREATE INDEX "odd ix" ON public.books (title);' }, drop: 'DROP INDEX public."odd ix"' },
  {
    label: 'function',
    kept: {
      kind: 'function',
      sql: 'CREATE FUNCTION "odd f"(a integer, b text[]) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT a $$;',
    },
    drop: 'DROP FUNCTION "odd f"(pg_catalog.int4, text[])',
  },
  {
    label: 'procedure',
    kept: { kind: 'function', sql: 'CREATE PROCEDURE "odd p"(IN a integer, OUT b integer) LANGUAGE plpgsql AS $$ BEGIN b := a; END $$;' },
    drop: 'DROP PROCEDURE "odd p"(pg_catalog.int4, OUT pg_catalog.int4)',
  },
  {
    label: 'aggregate',
    kept: { kind: 'aggregate', sql: 'CREATE AGGREGATE "odd agg"(integer) (SFUNC = int4pl, STYPE = integer);' },
    drop: 'DROP AGGREGATE "odd agg"(pg_catalog.int4)',
  },
  {
    label: 'trigger',
    kept: { kind: 'trigger', sql: 'CREATE TRIGGER "odd tr" BEFORE INSERT ON books FOR EACH ROW EXECUTE FUNCTION touch();' },
    drop: 'DROP TRIGGER "odd tr" ON books',
    needs: [touch],
  },
  {
    label: 'constraint',
    kept: { kind: 'constraint', sql: 'ALTER TABLE books ADD CONSTRAINT "odd c" CHECK (length(title) > 0);' },
    drop: 'ALTER TABLE books DROP CONSTRAINT "odd c"',
  },
  { label: 'sequence', kept: { kind: 'sequence', sql: 'CREATE SEQUENCE "odd seq";' }, drop: 'DROP SEQUENCE "odd seq"' },
  { label: 'domain', kept: { kind: 'domain', sql: 'CREATE DOMAIN "odd dom" AS integer;' }, drop: 'DROP DOMAIN "odd dom"' },
  { label: 'type', kept: { kind: 'type', sql: 'CREATE TYPE "odd type" AS (a integer);' }, drop: 'DROP TYPE "odd type"' },
];

const schemasOf = (c: Case): [Schema, Schema] => {
  const needs = c.needs ?? [];
  return [
    { ...base, sqlObjects: [...needs, aKeptObject({ ...c.kept, name: evil })] },
    { ...base, sqlObjects: needs },
  ];
};

const statementTexts = (sql: string): string[] => {
  const parsed = parseSql(sql);
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.statements.map((s) => s.text.replace(/;$/, ''));
};

describe('diffSchemas: a kept object is dropped by what its SQL creates, never by its name', () => {
  it.each(cases)('a $label named like SQL is dropped by one quoted DROP', (c) => {
    const [from, to] = schemasOf(c);
    expect(validateSchema(from).filter((p) => p.severity === 'error')).toEqual([]);
    const { up } = diffSchemas(from, to);
    expect(statementTexts(toMigrationSql(up))).toEqual([c.drop]);
  });
});

describe.each(engines)('kept objects named like SQL migrate on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    it.each(cases)('a $label is dropped and made again', async (c) => {
      const [from, to] = schemasOf(c);
      await expectMigrates(await engine.runner(), from, to);
    });
  });
});

describe('toMigrationSql: comments quoting kept text', () => {
  it('keeps a carriage return inside a changed kept text from ending its comment', () => {
    const domain = aKeptObject({ kind: 'domain', name: 'label', sql: 'CREATE DOMAIN label AS text;' });
    const changed = { ...domain, sql: `CREATE DOMAIN label AS text DEFAULT '\rSELECT setval(''public.review_seq'', 4242);--';` };
    expect(validateSchema({ ...base, sqlObjects: [changed] }).filter((p) => p.severity === 'error')).toEqual([]);
    const { up } = diffSchemas({ ...base, sqlObjects: [domain] }, { ...base, sqlObjects: [changed] });
    expect(statementTexts(toMigrationSql(up))).toEqual([]);
  });
});
