import { describe, expect, it } from 'vitest';
import type { Schema, SqlObject } from '../model/index.ts';
import { aTable } from '../testing/factories.ts';
import { runChecks } from '../testing/engines.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { generateDdl } from './generateDdl.ts';
import { defaultDdlOptions } from './options.ts';
import { toSqlText } from './statement.ts';

const kept = (kind: SqlObject['kind'], name: string, sql: string): SqlObject => ({ id: `sql_${name}`, kind, name, sql });

function withKeptObjects(): Schema {
  const { schema } = aTable('orders', { name: 'total', type: 'money_amount' });
  return {
    ...schema,
    sqlObjects: [
      kept('view', 'big_orders', 'CREATE VIEW big_orders AS\n SELECT id FROM orders WHERE total > 100;'),
      kept(
        'trigger',
        'orders_touch on orders',
        'CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();',
      ),
      kept('function', 'touch()', 'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;'),
      kept('domain', 'money_amount', 'CREATE DOMAIN money_amount AS numeric(10,2) CHECK (VALUE >= 0);'),
    ],
  };
}

describe('kept-as-text objects in the DDL', () => {
  it('puts domains before the tables that use them and functions, views and triggers after, as statements of their own kind', async () => {
    const statements = generateDdl(withKeptObjects()).statements;
    expect(statements.map((s) => [s.kind, s.sqlObjectId ?? s.sql.split('\n')[0]])).toEqual([
      ['setting', 'SET check_function_bodies = false;'],
      ['sqlObject', 'sql_money_amount'],
      ['createTable', 'CREATE TABLE orders ('],
      ['sqlObject', 'sql_touch()'],
      ['sqlObject', 'sql_big_orders'],
      ['sqlObject', 'sql_orders_touch on orders'],
    ]);
    expect(
      await runChecks(await testRunner(), toSqlText(statements), ['INSERT INTO orders VALUES (1, 5)', 'INSERT INTO orders VALUES (2, -1)']),
    ).toEqual(['ok', '23514']);
  });

  it('leaves them out when asked', () => {
    const statements = generateDdl(withKeptObjects(), { ...defaultDdlOptions, includeSqlObjects: false }).statements;
    expect(statements.map((s) => s.kind)).toEqual(['createTable']);
  });
});
