import { afterAll, describe, expect, it } from 'vitest';
import type { Schema, SqlObject } from '../model/index.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { aKeptObject, aTable } from '../testing/factories.ts';
import { expectMigrates } from '../testing/migrationCheck.ts';
import { diffSchemas } from './index.ts';

const fn = (name: string, sql: string): SqlObject => aKeptObject({ id: `sql_${name}`, kind: 'function', name, sql });
const dbl = fn('dbl(integer)', 'CREATE FUNCTION dbl(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;');
// Renaming the parameter cannot be done in place: dbl is dropped and made again.
const renamed = { ...dbl, sql: 'CREATE FUNCTION dbl(y integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT y * 2 $$;' };
const quad = fn('quad(integer)', 'CREATE FUNCTION quad(x integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN dbl(dbl(x));');
const oct = fn(
  'oct(integer)',
  'CREATE FUNCTION oct(x integer) RETURNS integer LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT quad(x) * 2; END;',
);
// A body in a string is only read when called: PostgreSQL records no dependency, so it stays.
const loose = fn('loose(integer)', 'CREATE FUNCTION loose(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT dbl(x) $$;');
const plain = aTable('nums', { name: 'n', type: 'integer' }).schema;
const with_ = (...kept: SqlObject[]): Schema => ({ ...plain, sqlObjects: kept });

describe('diffSchemas: kept routines whose SQL-standard body calls a dropped routine', () => {
  it('drops them (callers first) before the routine they call and makes them again after it', () => {
    const { up } = diffSchemas(with_(dbl, quad, oct, loose), with_(renamed, quad, oct, loose));
    expect(up.filter((s) => s.kind !== 'setting').map((s) => s.sql)).toEqual([
      'DROP FUNCTION oct(pg_catalog.int4);',
      'DROP FUNCTION quad(pg_catalog.int4);',
      'DROP FUNCTION dbl(pg_catalog.int4);',
      renamed.sql,
      quad.sql,
      oct.sql,
    ]);
  });
});

describe.each(engines)('kept SQL-standard bodies migrate on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    it('a routine two SQL-standard bodies call changes its arguments', async () => {
      await expectMigrates(await engine.runner(), with_(dbl, quad, oct, loose), with_(renamed, quad, oct, loose));
    });
  });
});
