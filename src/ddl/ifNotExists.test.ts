import { afterAll, describe, expect, it } from 'vitest';
import { addColumn, updateTableFields, type Schema, type SqlRunner } from '../model/index.ts';
import { aCheck, aKeptObject, aSchema, aTable, ends } from '../testing/factories.ts';
import { closeEngines, engines, statementsOf } from '../testing/engines.ts';
import { generateDdl } from './generateDdl.ts';
import type { DdlOptions } from './options.ts';
import { toSqlText } from './statement.ts';

const plain: DdlOptions = { wrapInTransaction: false, ifNotExists: false, schemaName: null };
const reRunnable: DdlOptions = { ...plain, ifNotExists: true };

const ddlOf = (schema: Schema, options: DdlOptions) => {
  const { statements, problems } = generateDdl(schema, options);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return toSqlText(statements);
};

/** `customers` 1:N `orders` (or 1:1, which adds a UNIQUE on the key), with names as the generator picks them. */
function shop(childEnd: typeof ends.zeroOrMany | typeof ends.zeroOrOne = ends.zeroOrMany): Schema {
  return aSchema(ends.exactlyOne, childEnd, { parent: 'customers', child: 'orders' }).schema;
}

/** The same design as an imported database or an older generator left it: its keys under names of its own. */
function withOwnNames(schema: Schema): Schema {
  return {
    ...schema,
    relationships: schema.relationships.map((r) => ({
      ...r,
      constraintName: 'orders_customer_ref',
      uniqueConstraintName: 'one_order_each',
    })),
  };
}

/** Runs the scripts one after another in a scratch schema, reads what `after` returns, and rolls everything back. */
async function afterRunning(runner: SqlRunner, scripts: readonly string[], after: string): Promise<Record<string, unknown>[]> {
  await runner.exec('BEGIN');
  try {
    await runner.execEach(['CREATE SCHEMA scratch', 'SET LOCAL search_path TO scratch']);
    for (const script of scripts) await runner.execEach(statementsOf(script));
    return (await runner.query(after)).rows;
  } finally {
    await runner.exec('ROLLBACK');
  }
}

const constraintsOnOrders = `SELECT contype::text AS kind, count(*)::int AS count FROM pg_constraint
  WHERE conrelid = 'scratch.orders'::regclass AND contype IN ('f', 'u') GROUP BY contype ORDER BY contype`;

describe.each(engines)('IF NOT EXISTS on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    it('run twice, leaves one foreign key and one UNIQUE per relationship', async () => {
      const ddl = ddlOf(shop(ends.zeroOrOne), reRunnable);
      const rows = await afterRunning(await engine.runner(), [ddl, ddl], constraintsOnOrders);
      expect(rows).toEqual([
        { kind: 'f', count: 1 },
        { kind: 'u', count: 1 },
      ]);
    });

    it('over a database whose keys have other names, adds no second foreign key or UNIQUE', async () => {
      const older = ddlOf(withOwnNames(shop(ends.zeroOrOne)), plain);
      const ddl = ddlOf(shop(ends.zeroOrOne), reRunnable);
      expect(ddl).toContain('orders_customer_id_fkey');
      const rows = await afterRunning(await engine.runner(), [older, ddl, ddl], constraintsOnOrders);
      expect(rows).toEqual([
        { kind: 'f', count: 1 },
        { kind: 'u', count: 1 },
      ]);
      const names = await afterRunning(
        await engine.runner(),
        [older, ddl],
        `SELECT conname::text AS name FROM pg_constraint WHERE conrelid = 'scratch.orders'::regclass AND contype IN ('f', 'u') ORDER BY 1`,
      );
      expect(names).toEqual([{ name: 'one_order_each' }, { name: 'orders_customer_ref' }]);
    });

    it('still adds a foreign key when the one there references other columns', async () => {
      const older = `${ddlOf(shop(), plain)}\nALTER TABLE orders ADD COLUMN other_customer int REFERENCES customers (id);`;
      const rows = await afterRunning(await engine.runner(), [older, ddlOf(shop(), reRunnable)], constraintsOnOrders);
      expect(rows).toEqual([{ kind: 'f', count: 2 }]);
    });

    it('runs twice with kept functions and views and a CHECK that calls a kept function', async () => {
      const { schema, tableId } = aTable('area', { name: 'name', type: 'text', isNotNull: true });
      const withKept: Schema = {
        ...updateTableFields(schema, tableId, { checks: [aCheck({ name: 'trimmed_name', expression: 'trimmed(name) = name' })] }),
        sqlObjects: [
          aKeptObject({
            kind: 'function',
            name: 'trimmed(text)',
            sql: "CREATE FUNCTION trimmed(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT btrim(t, ' ') $$;",
          }),
          aKeptObject({ kind: 'view', name: 'areas', sql: 'CREATE VIEW areas AS SELECT name FROM area;' }),
        ],
      };
      const ddl = ddlOf(withKept, reRunnable);
      expect(ddl).toContain("EXECUTE 'CREATE FUNCTION trimmed(t text)");
      const rows = await afterRunning(
        await engine.runner(),
        [ddl, ddl],
        `SELECT (SELECT count(*)::int FROM pg_constraint WHERE conrelid = 'scratch.area'::regclass AND contype = 'c') AS checks,
          (SELECT count(*)::int FROM pg_views WHERE schemaname = 'scratch') AS views`,
      );
      expect(rows).toEqual([{ checks: 1, views: 1 }]);
    });

    it('skips a table that exists as a whole: a column added since never arrives (what erd diff is for)', async () => {
      const before = shop();
      const customers = before.tables.find((t) => t.name === 'customers')!;
      const now = addColumn(before, customers.id, { name: 'phone', type: 'text' }).schema;
      const rows = await afterRunning(
        await engine.runner(),
        [ddlOf(before, plain), ddlOf(now, reRunnable)],
        `SELECT count(*)::int AS count FROM information_schema.columns WHERE table_schema = 'scratch' AND table_name = 'customers' AND column_name = 'phone'`,
      );
      expect(rows).toEqual([{ count: 0 }]);
    });
  });
});

describe('IF NOT EXISTS text', () => {
  it('guards a foreign key by what it links, not only by its name', () => {
    const ddl = ddlOf(shop(), reRunnable);
    expect(ddl).toContain("c.contype = 'f' AND c.conrelid = 'orders'::regclass");
    expect(ddl).toContain("c.confrelid = 'customers'::regclass");
    expect(ddl).toContain("= ARRAY['customer_id']::name[]");
  });

  it('leaves the plain script as it was', () => {
    expect(ddlOf(shop(ends.zeroOrOne), plain)).not.toContain('pg_constraint');
  });
});
