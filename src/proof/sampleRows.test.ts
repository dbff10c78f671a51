import { describe, expect, it } from 'vitest';
import { generateDdl, quoteIdent } from '../ddl/index.ts';
import { connect, emptySchema, foreignKeysOf, resolveAll, type Schema, type TableId } from '../model/index.ts';
import { ends, withTable } from '../testing/factories.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { insertSampleRows } from './sampleRows.ts';

/** regions -< stores -< orders, each child with a mandatory parent, and a CHECK that refuses the full first row of orders. */
function chain(): { schema: Schema; ids: Record<'regions' | 'stores' | 'orders', TableId> } {
  let schema: Schema = emptySchema;
  const ids = {} as Record<'regions' | 'stores' | 'orders', TableId>;
  for (const name of ['orders', 'stores', 'regions'] as const) {
    const added = withTable(schema, name, { name: 'note', type: 'text' });
    schema = added.schema;
    ids[name] = added.tableId;
  }
  schema = connect(schema, ids.regions, ids.stores, { from: ends.exactlyOne, to: ends.zeroOrMany }).schema;
  schema = connect(schema, ids.stores, ids.orders, { from: ends.exactlyOne, to: ends.zeroOrMany }).schema;
  const orders = schema.tables.find((t) => t.id === ids.orders)!;
  const withCheck = { ...orders, checks: [...orders.checks, { id: 'chk_note', name: 'orders_no_note', expression: 'note IS NULL' }] };
  return { schema: { ...schema, tables: schema.tables.map((t) => (t.id === ids.orders ? withCheck : t)) }, ids };
}

describe('insertSampleRows', () => {
  it('gives each table its rows, later rows pointing at their parents of the same round, one child per parent row', async () => {
    const { schema, ids } = chain();
    const db = await testRunner();
    await db.exec('BEGIN');
    try {
      await db.exec('CREATE SCHEMA sampled');
      await db.exec('SET LOCAL search_path TO sampled');
      await db.execEach(
        generateDdl(schema)
          .statements.filter((s) => s.kind !== 'note')
          .map((s) => s.sql),
      );
      expect(await insertSampleRows(db, schema, 3)).toEqual([]);
      const resolved = resolveAll(schema);
      const keyOf = (child: TableId) => quoteIdent(foreignKeysOf(child, resolved)[0]!.columns[0]!.name);
      const { rows } = await db.query(
        `SELECT (SELECT count(*) FROM regions)::int AS regions, (SELECT count(*) FROM stores)::int AS stores, (SELECT count(*) FROM orders)::int AS orders,
           (SELECT max(n) FROM (SELECT count(*) AS n FROM stores GROUP BY ${keyOf(ids.stores)}) s)::int AS "storesPerRegion",
           (SELECT max(n) FROM (SELECT count(*) AS n FROM orders GROUP BY ${keyOf(ids.orders)}) o)::int AS "ordersPerStore",
           (SELECT count(*) FROM orders WHERE note IS NOT NULL)::int AS "ordersWithNote"`,
      );
      // Three rows each; the first row of stores and orders came with parents of its own (one region, then
      // one store and one region), the later ones point at the rows made in the same round.
      expect(rows[0]).toEqual({ regions: 5, stores: 4, orders: 3, storesPerRegion: 1, ordersPerStore: 1, ordersWithNote: 0 });
    } finally {
      await db.exec('ROLLBACK');
    }
  });
});
