import { describe, expect, it } from 'vitest';
import type { SqlObject } from './schema.ts';
import { checkSqlObject } from './sqlObjectCheck.ts';
import { aKeptObject } from '../testing/factories.ts';

/** A kept object; an extension is named after what its SQL creates, as imports name it. */
const kept = (kind: SqlObject['kind'], sql: string, standIn?: string): SqlObject => ({
  id: 'sql_1',
  kind,
  name: kind === 'extension' ? (/EXTENSION\s+(?:IF NOT EXISTS\s+)?(\w+)/i.exec(sql)?.[1] ?? 'x') : 'x',
  sql,
  ...(standIn ? { standIn } : {}),
});

describe('checkSqlObject', () => {
  it.each([
    kept('domain', 'CREATE DOMAIN "Name" AS varchar(50);'),
    kept('type', "CREATE TYPE mood AS ENUM ('sad', 'ok');"),
    kept('sequence', 'CREATE SEQUENCE s START WITH 1;'),
    kept('function', 'CREATE FUNCTION ok(c int) RETURNS boolean LANGUAGE sql AS $$ SELECT c > 0 $$;'),
    kept('view', 'CREATE VIEW v AS SELECT 1 AS one;'),
    kept('materializedView', 'CREATE MATERIALIZED VIEW m AS SELECT 1 WITH NO DATA;'),
    kept('trigger', 'CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW EXECUTE FUNCTION f();'),
    kept('constraint', 'ALTER TABLE login ADD CONSTRAINT login_email_fkey FOREIGN KEY (email) REFERENCES account(email);'),
    kept(
      'extension',
      'CREATE EXTENSION IF NOT EXISTS vector;',
      "CREATE TYPE vector;\nCREATE FUNCTION erd_stand_in_0_in(cstring) RETURNS vector LANGUAGE internal IMMUTABLE STRICT AS 'textin';",
    ),
  ])('accepts one statement of its own kind: $kind', (object) => expect(checkSqlObject(object)).toBeUndefined());

  it('refuses the reproduced attack: a domain whose text commits, drops a table and begins again', () => {
    const attack = kept('domain', 'CREATE DOMAIN d AS int; COMMIT; DROP TABLE IF EXISTS public.victim; COMMIT; BEGIN');
    expect(checkSqlObject(attack)).toMatch(/must be one CREATE DOMAIN statement, but is CREATE DOMAIN; COMMIT; DROP TABLE; COMMIT; BEGIN/);
  });

  it.each([
    kept('view', 'DROP TABLE victim;'),
    kept('type', 'CREATE DOMAIN d AS int;'),
    kept('function', "CREATE FUNCTION f() RETURNS void LANGUAGE c AS '/tmp/evil.so', 'f';"),
    kept('function', "CREATE FUNCTION f() RETURNS void LANGUAGE plpython3u AS 'import os';"),
    kept('function', "CREATE FUNCTION f() RETURNS text LANGUAGE plsh AS '#!/bin/sh\nid';"),
    kept('materializedView', 'CREATE MATERIALIZED VIEW m AS SELECT drop_everything();'),
    kept('constraint', 'ALTER TABLE login DROP CONSTRAINT c;'),
    kept('sequence', 'CREATE SEQUENCE s; SELECT pg_terminate_backend(1);'),
    kept('view', 'CREATE VIEW v AS SELECT 1 FROM'),
    kept('view', ''),
    kept('domain', 'CREATE DOMAIN d AS int'),
    kept('domain', 'CREATE DOMAIN d AS int -- ;'),
  ])('refuses $sql as a kept $kind', (object) => expect(checkSqlObject(object)).toBeDefined());

  it('refuses a stand-in that is anything but stand-in types', () => {
    const evil = kept(
      'extension',
      'CREATE EXTENSION vector;',
      "CREATE FUNCTION f() RETURNS int LANGUAGE internal AS 'pg_terminate_backend';",
    );
    expect(checkSqlObject(evil)).toMatch(/stand-in must be stand-in types/);
    expect(checkSqlObject(kept('domain', 'CREATE DOMAIN d AS int;', 'CREATE TYPE t;'))).toMatch(/only an extension/);
  });

  it('refuses text-direction characters that make code read differently from what it does', () => {
    expect(checkSqlObject(kept('view', "CREATE VIEW v AS SELECT '\u202Eevil' AS x;"))).toMatch(/U\+202E/);
  });

  it('names a statement by its kind, CREATE OR REPLACE included', () => {
    expect(checkSqlObject(kept('view', "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';"))).toMatch(
      /but is CREATE FUNCTION$/,
    );
  });

  it('refuses an extension whose name is not the one its SQL creates (proofs create it by name)', () => {
    expect(checkSqlObject(aKeptObject({ kind: 'extension', name: 'dblink', sql: 'CREATE EXTENSION citext;' }))).toMatch(
      /is named "dblink" but its SQL creates "citext"/,
    );
    expect(
      checkSqlObject(aKeptObject({ kind: 'extension', name: 'citext', sql: 'CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;' })),
    ).toBeUndefined();
  });

  it('refuses a stand-in internal function with any signature but its own, which can crash a server', () => {
    const standIn = (fn: string) =>
      aKeptObject({ kind: 'extension', name: 'vector', sql: 'CREATE EXTENSION vector;', standIn: `CREATE TYPE vector;\n${fn}` });
    expect(
      checkSqlObject(standIn("CREATE FUNCTION s_in(cstring) RETURNS vector LANGUAGE internal IMMUTABLE STRICT AS 'textin';")),
    ).toBeUndefined();
    expect(
      checkSqlObject(standIn("CREATE FUNCTION s_out(vector) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';")),
    ).toBeUndefined();
    expect(checkSqlObject(standIn("CREATE FUNCTION boom(integer) RETURNS cstring LANGUAGE internal AS 'textout';"))).toMatch(
      /stand-in must be stand-in types/,
    );
    expect(checkSqlObject(standIn("CREATE FUNCTION boom(cstring) RETURNS int LANGUAGE internal AS 'textin';"))).toMatch(
      /stand-in must be stand-in types/,
    );
  });
});
