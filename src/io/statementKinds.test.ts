import { describe, expect, it } from 'vitest';
import { classifyStatement, describeSkipped, extensionName, withNoData, withoutConcurrently } from './statementKinds.ts';

describe('classifyStatement', () => {
  it.each([
    ['ALTER TABLE public.film OWNER TO postgres;', 'OWNER TO'],
    ['ALTER FUNCTION public.f(integer) OWNER TO "Some One";', 'OWNER TO'],
    ['GRANT ALL ON SCHEMA public TO PUBLIC;', 'GRANT'],
    ['REVOKE USAGE ON SCHEMA public FROM PUBLIC;', 'REVOKE'],
    ['CREATE ROLE app LOGIN;', 'CREATE ROLE'],
    ['CREATE PUBLICATION p FOR ALL TABLES;', 'CREATE PUBLICATION'],
    ['ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app;', 'privileges'],
    ['INSERT INTO t VALUES (1);', 'INSERT'],
    ['COPY t (a) FROM stdin;', 'COPY'],
    ["SELECT pg_catalog.setval('s', 10, true);", 'setval'],
    ['BEGIN;', 'transaction control'],
    ['COMMIT;', 'transaction control'],
    ['SET ROLE admin;', 'SET ROLE'],
    ['VACUUM ANALYZE t;', 'VACUUM'],
    ["SET client_encoding = 'LATIN1';", 'SET client_encoding'],
    ['SET CLIENT_ENCODING=latin1;', 'SET client_encoding'],
    ["SET NAMES 'LATIN1';", 'SET client_encoding'],
    ['SET SESSION client_encoding TO DEFAULT;', 'SET client_encoding'],
    ['RESET client_encoding;', 'SET client_encoding'],
    ["SELECT pg_catalog.set_config('client_encoding', 'LATIN1', false);", 'SET client_encoding'],
  ])('skips %s as %s', (sql, label) => {
    expect(classifyStatement(sql)).toEqual({ action: 'skip', label });
  });

  it('runs DDL and search_path changes, and tries SET and CREATE EXTENSION', () => {
    expect(classifyStatement('CREATE TABLE t (id int);')).toEqual({ action: 'run' });
    expect(classifyStatement('ALTER TABLE ONLY t ADD CONSTRAINT t_pkey PRIMARY KEY (id);')).toEqual({ action: 'run' });
    expect(classifyStatement("SELECT pg_catalog.set_config('search_path', '', false);")).toEqual({ action: 'run' });
    expect(classifyStatement('SET statement_timeout = 0;')).toEqual({ action: 'try', label: 'SET' });
    expect(classifyStatement('CREATE EXTENSION IF NOT EXISTS "uuid-ossp";')).toEqual({ action: 'try', label: 'CREATE EXTENSION' });
    expect(extensionName('CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;')).toBe('uuid-ossp');
  });

  it('drops CONCURRENTLY, which cannot run inside the import transaction', () => {
    expect(withoutConcurrently('CREATE UNIQUE INDEX CONCURRENTLY i ON t (a);')).toBe('CREATE UNIQUE INDEX i ON t (a);');
    expect(withoutConcurrently('CREATE TABLE concurrently (a int);')).toBe('CREATE TABLE concurrently (a int);');
  });

  it('creates materialized views and CREATE TABLE AS without running their query', () => {
    expect(withNoData('CREATE MATERIALIZED VIEW public.m AS\n SELECT 1 AS one;')).toBe(
      'CREATE MATERIALIZED VIEW public.m AS\n SELECT 1 AS one\nWITH NO DATA;',
    );
    expect(withNoData('CREATE MATERIALIZED VIEW m AS SELECT 1 WITH DATA;')).toBe('CREATE MATERIALIZED VIEW m AS SELECT 1\nWITH NO DATA;');
    expect(withNoData('CREATE MATERIALIZED VIEW m AS SELECT 1\n  WITH NO DATA;')).toBe(
      'CREATE MATERIALIZED VIEW m AS SELECT 1\n  WITH NO DATA;',
    );
    expect(
      withNoData('CREATE TABLE "a b".c (x) AS WITH RECURSIVE r AS (SELECT 1 UNION ALL SELECT 1 FROM r) SELECT * FROM r -- forever\n;'),
    ).toMatch(/-- forever\nWITH NO DATA;$/);
    expect(withNoData('CREATE TABLE t (id int, name text);')).toBe('CREATE TABLE t (id int, name text);');
    expect(withNoData('CREATE TABLE t (id int) WITH (fillfactor = 70);')).toBe('CREATE TABLE t (id int) WITH (fillfactor = 70);');
  });

  it('runs set_config only with literal arguments', () => {
    expect(
      classifyStatement("SELECT set_config('search_path', (SELECT string_agg(x, ',') FROM generate_series(1, 1e9) x)::text, false);"),
    ).toEqual({ action: 'skip', label: 'SELECT' });
  });

  it('summarises what was skipped', () => {
    expect(describeSkipped({ GRANT: 12, 'OWNER TO': 3, 'COPY rows': 200 })).toBe('skipped: 12 GRANT, 3 OWNER TO, 200 COPY rows');
    expect(describeSkipped({})).toBe('nothing skipped');
  });
});
