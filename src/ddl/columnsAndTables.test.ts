import { afterAll, describe, expect, it } from 'vitest';
import { addColumn, connect, editColumn, emptySchema, renameTable, updateTableFields, type Schema } from '../model/index.ts';
import { aCheck, anEnum, anIndex, aSchema, aTable, ends, tableOf, withTable } from '../testing/factories.ts';
import { closeEngines, engines, runChecks } from '../testing/engines.ts';
import { generateDdl } from './generateDdl.ts';
import type { DdlOptions } from './options.ts';
import { toSqlText } from './statement.ts';

const ddlOf = (schema: Schema, options?: DdlOptions) => {
  const { statements, problems } = generateDdl(schema, options);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return toSqlText(statements);
};

/** A table `things` with one column per common type. */
function allTypes(): Schema {
  const types = [
    'smallint',
    'bigint',
    'numeric(10, 2)',
    'real',
    'double precision',
    'text',
    'varchar(5)',
    'char(2)',
    'boolean',
    'date',
    'time',
    'timestamp',
    'timestamptz',
    'interval',
    'uuid',
    'json',
    'jsonb',
    'bytea',
    'int[]',
    'text[]',
    'inet',
  ];
  const made = aTable('things');
  let schema = made.schema;
  const tableId = made.tableId;
  types.forEach((type, i) => (schema = addColumn(schema, tableId, { name: `c${i}`, type }).schema));
  return schema;
}

describe.each(engines)('columns and tables on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    const check = async (schema: Schema, checks: [string, string][], options?: DdlOptions) => {
      const outcomes = await runChecks(
        await engine.runner(),
        ddlOf(schema, options),
        checks.map(([sql]) => sql),
      );
      expect(checks.map(([sql], i) => [sql, outcomes[i]])).toEqual(checks);
    };

    it('common types', async () => {
      await check(allTypes(), [
        [
          "INSERT INTO things (id, c2, c6, c9, c14, c16, c18) VALUES (1, 12.345, 'abcde', '2024-01-02', '00000000-0000-4000-8000-000000000001', '{\"a\":1}', '{1,2}')",
          'ok',
        ],
        ["INSERT INTO things (id, c6) VALUES (2, 'toolong')", '22001'],
        ["INSERT INTO things (id, c14) VALUES (3, 'not-a-uuid')", '22P02'],
      ]);
    });

    it('enums become CREATE TYPE, and a label outside the list is refused', async () => {
      const { schema, tableId } = aTable('moods', { name: 'mood', type: 'mood', isNotNull: true });
      const withEnum: Schema = { ...schema, enums: [anEnum({ values: ['sad', 'ok', "it's fine"] })] };
      expect(ddlOf(withEnum)).toContain("CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s fine');");
      expect(tableId).toBeTruthy();
      await check(withEnum, [
        ["INSERT INTO moods VALUES (1, 'it''s fine')", 'ok'],
        ["INSERT INTO moods VALUES (2, 'meh')", '22P02'],
      ]);
    });

    it('defaults, identity and serial keys', async () => {
      const made = aTable('orders', { name: 'status', type: 'text', isNotNull: true, defaultValue: "'draft'" });
      let schema = made.schema;
      const tableId = made.tableId;
      const id = tableOf(schema, tableId).columns[0]!;
      schema = editColumn(schema, tableId, id.id, { identity: 'always', type: 'bigint' });
      schema = withTable(schema, 'tickets').schema;
      schema = editColumn(schema, schema.tables[1]!.id, schema.tables[1]!.columns[0]!.id, { type: 'serial' });
      const ddl = ddlOf(schema);
      expect(ddl).toContain('id bigint GENERATED ALWAYS AS IDENTITY');
      expect(ddl).toContain("status text NOT NULL DEFAULT 'draft'");
      await check(schema, [
        ['INSERT INTO orders DEFAULT VALUES', 'ok'],
        ['INSERT INTO orders (id) VALUES (5)', '428C9'],
        ['INSERT INTO tickets DEFAULT VALUES', 'ok'],
      ]);
    });

    it('CHECK constraints and extra indexes', async () => {
      const made = aTable('products', { name: 'sku', type: 'text' }, { name: 'price', type: 'numeric(10, 2)' });
      let schema = made.schema;
      const tableId = made.tableId;
      const [, sku, price] = tableOf(schema, tableId).columns;
      schema = updateTableFields(schema, tableId, {
        checks: [aCheck({ expression: 'price >= 0' })],
        indexes: [anIndex([sku!.id, price!.id], { isUnique: true }), anIndex([price!.id], { name: 'products_by_price' })],
      });
      const ddl = ddlOf(schema);
      expect(ddl).toContain('CONSTRAINT products_check CHECK (price >= 0)');
      expect(ddl).toContain('CREATE UNIQUE INDEX products_sku_price_key ON products (sku, price);');
      expect(ddl).toContain('CREATE INDEX products_by_price ON products (price);');
      await check(schema, [
        ["INSERT INTO products VALUES (1, 'a', -1)", '23514'],
        ["INSERT INTO products VALUES (1, 'a', 1), (2, 'b', 1)", 'ok'],
        ["INSERT INTO products VALUES (3, 'a', 1)", '23505'],
      ]);
    });

    it('table and column comments are literals: quotes, */, line breaks and all', async () => {
      const nasty = "it's */ -- \r\n DROP TABLE x; /* $$ $erd$";
      const made = aTable('notes');
      let schema = made.schema;
      const tableId = made.tableId;
      schema = updateTableFields(schema, tableId, { comment: nasty });
      schema = editColumn(schema, tableId, tableOf(schema, tableId).columns[0]!.id, { comment: 'the key' });
      await check(schema, [
        [
          `DO $t$ BEGIN IF obj_description('notes'::regclass, 'pg_class') IS DISTINCT FROM ${"'it''s */ -- \r\n DROP TABLE x; /* $$ $erd$'"} THEN RAISE EXCEPTION 'lost'; END IF; END $t$`,
          'ok',
        ],
        [
          `DO $t$ BEGIN IF col_description('notes'::regclass, 1) IS DISTINCT FROM 'the key' THEN RAISE EXCEPTION 'lost'; END IF; END $t$`,
          'ok',
        ],
      ]);
    });

    it('tables in another schema, referenced across schemas', async () => {
      const base = aSchema(ends.exactlyOne, ends.zeroOrMany, { parent: 'customers', child: 'orders' });
      const schema = updateTableFields(base.schema, base.childId, { schemaName: 'Sales' });
      const ddl = ddlOf(schema);
      expect(ddl).toContain('CREATE SCHEMA "Sales";');
      expect(ddl).toContain(
        'ALTER TABLE "Sales".orders\n  ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id)\n  REFERENCES customers (id);',
      );
      await check(schema, [
        ["INSERT INTO customers VALUES (1, 'c'); INSERT INTO \"Sales\".orders VALUES (1, 'o', 1)", 'ok'],
        ['INSERT INTO "Sales".orders VALUES (2, \'o\', 9)', '23503'],
      ]);
    });

    it('names that need quoting: keywords, upper case, non-ASCII, embedded quotes', async () => {
      const base = aSchema(ends.exactlyOne, ends.zeroOrOne, { parent: 'user', child: 'Order "Lines"' });
      let schema = renameTable(base.schema, base.parentId, 'user');
      schema = editColumn(schema, base.childId, tableOf(schema, base.childId).columns[1]!.id, { name: 'größe' });
      const ddl = ddlOf(schema);
      expect(ddl).toContain('CREATE TABLE "user" (');
      expect(ddl).toContain('CREATE TABLE "Order ""Lines""" (');
      expect(ddl).toContain('"größe" text NOT NULL');
      await check(schema, [
        [`INSERT INTO "user" VALUES (1, 'u'); INSERT INTO "Order ""Lines""" VALUES (1, 'x', 1)`, 'ok'],
        [`INSERT INTO "Order ""Lines""" VALUES (2, 'y', 1)`, '23505'],
      ]);
    });

    it('long names stay unique after the 63-byte limit', async () => {
      const long = (suffix: string) => `${'ü'.repeat(28)}_${suffix}`;
      let schema = emptySchema;
      const parent = withTable(schema, 'parents');
      schema = parent.schema;
      for (const suffix of ['alpha', 'beta']) {
        const child = withTable(schema, long(suffix));
        schema = connect(child.schema, parent.tableId, child.tableId, { from: ends.exactlyOne, to: ends.zeroOrOne }).schema;
      }
      const ddl = ddlOf(schema);
      const names = [...ddl.matchAll(/CONSTRAINT "?([^"\s]+)"? /g)].map((m) => m[1]!);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(63);
      await check(schema, [[`INSERT INTO parents VALUES (1)`, 'ok']]);
    });

    it('re-runnable with IF NOT EXISTS, and all in one schema', async () => {
      const base = aSchema(ends.exactlyOne, ends.oneOrMany);
      const options: DdlOptions = { wrapInTransaction: false, ifNotExists: true, schemaName: 'app' };
      const ddl = ddlOf(base.schema, options);
      expect(ddl).toContain('CREATE TABLE IF NOT EXISTS app.authors (');
      await check(
        base.schema,
        [
          [ddl, 'ok'],
          ["INSERT INTO app.authors VALUES (1, 'a'); INSERT INTO app.books VALUES (1, 't', 1)", 'ok'],
        ],
        options,
      );
    });
  });
});

describe('DDL output', () => {
  it('wraps in a transaction on request', () => {
    const ddl = ddlOf(aSchema().schema, { wrapInTransaction: true, ifNotExists: false, schemaName: null });
    expect(ddl.startsWith('BEGIN;\n\n')).toBe(true);
    expect(ddl.endsWith('\n\nCOMMIT;\n')).toBe(true);
  });

  it('orders types, then tables, then constraints, so reference cycles work', () => {
    const a = aSchema(ends.zeroOrOne, ends.zeroOrMany, { parent: 'a', child: 'b' });
    const cycle = connect(a.schema, a.childId, a.parentId, { from: ends.zeroOrOne, to: ends.zeroOrMany }).schema;
    const kinds = generateDdl(cycle).statements.map((s) => s.kind);
    expect(kinds).toEqual(['createTable', 'createTable', 'addForeignKey', 'addForeignKey']);
  });

  it('refuses SET NULL on a mandatory key with a message that says how to fix it', () => {
    const base = aSchema(ends.exactlyOne, ends.zeroOrMany);
    const schema = { ...base.schema, relationships: base.schema.relationships.map((r) => ({ ...r, onDelete: 'set null' as const })) };
    const { statements, problems } = generateDdl(schema);
    expect(statements).toEqual([]);
    expect(problems).toContainEqual({
      severity: 'error',
      relationshipId: base.relationshipId,
      message:
        'ON DELETE SET NULL cannot work: each book belongs to exactly one author, so author_id is NOT NULL. Make the authors end "zero or one", or choose another action',
    });
  });
});

describe('the one-schema option', () => {
  it('moves enum references with their enum, so the DDL still runs', async () => {
    const { schema } = aTable('moods', { name: 'mood', type: 'mood', isNotNull: true }, { name: 'history', type: 'sales.mood[]' });
    const withEnums: Schema = {
      ...schema,
      enums: [anEnum({ values: ['ok'] }), anEnum({ schemaName: 'sales', values: ['ok'] })],
    };
    const options: DdlOptions = { wrapInTransaction: false, ifNotExists: false, schemaName: 'app' };
    const { problems } = generateDdl(withEnums, options);
    expect(problems.map((p) => p.message)).toContain('With everything in schema "app": Two enum types are named "mood"; rename one');
    const single: Schema = {
      ...withEnums,
      enums: [withEnums.enums[0]!],
      tables: withEnums.tables.map((t) => ({ ...t, columns: t.columns.filter((c) => c.name !== 'history') })),
    };
    const ddl = ddlOf(single, options);
    expect(ddl).toContain('mood app.mood NOT NULL');
    const outcomes = await runChecks(await engines[0]!.engine.runner(), ddl, ["INSERT INTO app.moods VALUES (1, 'ok')"]);
    expect(outcomes).toEqual(['ok']);
  });

  it('reports tables that would share a name', () => {
    const base = aSchema();
    const moved = updateTableFields(renameTable(base.schema, base.childId, 'authors'), base.childId, { schemaName: 'archive' });
    expect(generateDdl(moved).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(
      generateDdl(moved, { wrapInTransaction: false, ifNotExists: false, schemaName: 'app' }).problems.map((p) => p.message),
    ).toContain('With everything in schema "app": Two tables are named "authors"; rename one');
  });
});
