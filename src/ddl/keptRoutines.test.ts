import { afterAll, describe, expect, it } from 'vitest';
import { asSqlError, updateColumn, updateTableFields, type Schema, type SqlObject, type SqlRunner } from '../model/index.ts';
import { aTable } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { generateDdl } from './generateDdl.ts';
import { calledNames, objectsTablesNeed } from './keptRoutines.ts';

const routine = (name: string, sql: string): SqlObject => ({ id: `sql_${name}`, kind: 'function', name, sql });

/** MusicBrainz's shape: `ALTER TABLE area ADD CHECK (controlled_for_whitespace(name))`, the function kept as text, calling another. */
function areaWithCheckCallingAFunction(): Schema {
  const { schema, tableId } = aTable('area', { name: 'name', type: 'text', isNotNull: true }, { name: 'code', type: 'text' });
  const code = schema.tables[0]!.columns.find((c) => c.name === 'code')!;
  const checked = updateTableFields(updateColumn(schema, tableId, code.id, { defaultValue: "padded('x'::text)" }), tableId, {
    checks: [{ id: 'chk_ws', name: 'control_for_whitespace', expression: 'controlled_for_whitespace(name)' }],
  });
  return {
    ...checked,
    sqlObjects: [
      routine('trimmed(text)', 'CREATE FUNCTION trimmed(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT btrim(t) $$;'),
      routine(
        'controlled_for_whitespace(text)',
        'CREATE FUNCTION controlled_for_whitespace(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t = trimmed(t) $$;',
      ),
      routine('padded(text)', "CREATE FUNCTION padded(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT ' ' || t $$;"),
      { id: 'sql_view', kind: 'view', name: 'areas', sql: 'CREATE VIEW areas AS SELECT name FROM area;' },
      routine('unused()', 'CREATE FUNCTION unused() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;'),
    ],
  };
}

describe('CHECKs and defaults that call kept functions', () => {
  it('come after the functions as ALTER TABLE, not inside CREATE TABLE before the function exists', () => {
    const statements = generateDdl(areaWithCheckCallingAFunction()).statements;
    expect(statements.map((s) => s.sqlObjectId ?? s.sql.split('\n').slice(0, 2).join(' '))).toEqual([
      'SET check_function_bodies = false;',
      'CREATE TABLE area (   id integer,',
      'sql_trimmed(text)',
      'sql_controlled_for_whitespace(text)',
      'sql_padded(text)',
      'sql_unused()',
      "ALTER TABLE area   ALTER COLUMN code SET DEFAULT padded('x'::text);",
      'ALTER TABLE area   ADD CONSTRAINT control_for_whitespace CHECK (controlled_for_whitespace(name));',
      'sql_view',
    ]);
    expect(statements[1]!.sql).not.toMatch(/CHECK|DEFAULT/);
  });

  it('a proof takes the functions the tables call, and those they call, but not the others', () => {
    expect(objectsTablesNeed(areaWithCheckCallingAFunction()).map((o) => o.name)).toEqual([
      'trimmed(text)',
      'controlled_for_whitespace(text)',
      'padded(text)',
    ]);
  });

  it('reads called names as PostgreSQL writes them: bare, schema-qualified or quoted', () => {
    expect([...calledNames('public.ok(c) AND "Odd Name" (x) AND Lower(y) IS NOT NULL')]).toEqual(['ok', 'Odd Name', 'lower']);
  });
});

/** Runs the DDL one statement per message in a scratch schema, then each check from a savepoint: its outcome ('ok' or the SQLSTATE). */
async function runEach(runner: SqlRunner, statements: readonly string[], checks: readonly string[]): Promise<string[]> {
  await runner.exec('BEGIN');
  try {
    for (const sql of ['CREATE SCHEMA scratch', 'SET LOCAL search_path TO scratch', ...statements, 'SAVEPOINT check_step'])
      await runner.exec(sql);
    const outcomes: string[] = [];
    for (const sql of checks) {
      outcomes.push(
        await runner.exec(sql).then(
          () => 'ok',
          (error: unknown) => asSqlError(error)?.code ?? String(error),
        ),
      );
      await runner.exec('ROLLBACK TO SAVEPOINT check_step');
    }
    return outcomes;
  } finally {
    await runner.exec('ROLLBACK');
  }
}

describe.each(engines)('the ordered DDL on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    it('runs, and the CHECK and the default work through the functions', async () => {
      const ddl = generateDdl(areaWithCheckCallingAFunction()).statements.map((s) => s.sql);
      const checks = [
        "INSERT INTO area (id, name) VALUES (1, 'ok')",
        "INSERT INTO area (id, name) VALUES (2, ' padded ')",
        "INSERT INTO area (id, name) VALUES (3, 'x') RETURNING 1 / (code = ' x')::int",
      ];
      expect(await runEach(await engine.runner(), ddl, checks)).toEqual(['ok', '23514', 'ok']);
    });
  });
});
