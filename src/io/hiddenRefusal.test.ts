import { describe, expect, it } from 'vitest';
import type { SqlRunner } from '../model/index.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { askRefusal, hidesRefusal } from './hiddenRefusal.ts';
import { importSql } from './importSql.ts';

const boom = `DO $$ BEGIN RAISE EXCEPTION 'boom' USING DETAIL = 'it''s the detail', HINT = 'the hint'; END $$;`;
const badType = `DO $$ BEGIN CREATE TABLE b (x nosuchtype); END $$;`;

/** A runner that loses a DO block's error the way the browser's PGlite was seen to: "portal "" cannot be run". */
function losingDoErrors(runner: SqlRunner): SqlRunner {
  return {
    ...runner,
    exec: async (sql) => {
      try {
        await runner.exec(sql);
      } catch (error) {
        if (/^\s*DO\b/i.test(sql)) throw Object.assign(new Error('portal "" cannot be run'), { code: '55000' });
        throw error;
      }
    },
  };
}

describe('a refusal the protocol hid', () => {
  it('is recognised by the portal message only', () => {
    expect(hidesRefusal({ message: 'portal "" cannot be run' })).toBe(true);
    expect(hidesRefusal({ message: 'portal "<unnamed portal 1>" cannot be run' })).toBe(true);
    expect(hidesRefusal({ message: 'boom' })).toBe(false);
  });

  it('is asked of PostgreSQL again: its SQLSTATE, message, detail and hint, and nothing the statement made is left', async () => {
    const runner = await testRunner();
    await runner.exec('BEGIN');
    try {
      expect(await askRefusal(runner, boom)).toEqual({ code: 'P0001', message: 'boom', detail: "it's the detail", hint: 'the hint' });
      expect(await askRefusal(runner, `DO $$ BEGIN CREATE TABLE made_here (id int); CREATE TABLE b (x nosuchtype); END $$;`)).toEqual({
        code: '42704',
        message: 'type "nosuchtype" does not exist',
      });
      expect(await askRefusal(runner, 'DO $$ BEGIN CREATE TABLE fine_here (id int); END $$;')).toBeUndefined();
      const { rows } = await runner.query(
        `SELECT count(*)::int AS n FROM pg_class WHERE relname IN ('made_here', 'fine_here') OR relname LIKE 'erd_refusal%'`,
      );
      expect(rows[0]).toEqual({ n: 0 });
      const functions = await runner.query(`SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'erd_refusal'`);
      expect(functions.rows[0]).toEqual({ n: 0 });
    } finally {
      await runner.exec('ROLLBACK');
    }
  });

  it("gives an import PostgreSQL's own words for a failing DO block, not the portal's", async () => {
    const runner = losingDoErrors(await testRunner());
    const raised = await importSql(`CREATE TABLE a (id int PRIMARY KEY);\n${boom}`, runner);
    expect(raised).toMatchObject({
      ok: false,
      error: { line: 2, message: 'boom', detail: "it's the detail", hint: 'the hint', code: 'P0001' },
    });
    const typed = await importSql(badType, runner);
    expect(typed).toMatchObject({
      ok: false,
      error: { line: 1, message: 'type "nosuchtype" does not exist', code: '42704', statement: badType },
    });
  });
});
