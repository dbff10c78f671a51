import { afterAll, describe, expect, it } from 'vitest';
import { addColumn, renameTable, updateColumn, updateTable, updateTableFields, withoutColumns, type Schema } from '../model/index.ts';
import { aCheck, anIndex, aSchema, aTable, tableOf, withTable } from '../testing/factories.ts';
import { closeEngines, engines, statementsOf } from '../testing/engines.ts';
import { ddlOf, expectMigrates, kindsOf } from '../testing/migrationCheck.ts';
import { diffSchemas, riskySteps, toMigrationSql } from './index.ts';

const base = aTable('customers', { name: 'name', type: 'text', isNotNull: true }, { name: 'note', type: 'varchar(20)' });
const customers = base.tableId;
const column = (schema: Schema, name: string) => tableOf(schema, customers).columns.find((c) => c.name === name)!;
const edit = (name: string, patch: Parameters<typeof updateColumn>[3], schema: Schema = base.schema) =>
  updateColumn(schema, customers, column(schema, name).id, patch);
const rows = `INSERT INTO customers (id, name, note) VALUES (1, 'Ada', 'first'), (2, 'Bo', NULL);`;

describe('diffSchemas: tables and columns', () => {
  it('finds nothing between a schema and itself', () => {
    const { schema } = aSchema();
    expect(diffSchemas(schema, schema)).toMatchObject({ up: [], down: [], proposedRenames: [], problems: [] });
  });

  it('renames a table and its generated key name, never drop + add', () => {
    const steps = diffSchemas(base.schema, renameTable(base.schema, customers, 'clients')).up;
    expect(steps.map((s) => s.sql)).toEqual([
      'ALTER TABLE customers RENAME TO clients;',
      'ALTER TABLE clients RENAME CONSTRAINT customers_pkey TO clients_pkey;',
    ]);
  });

  it('marks a dropped column and a narrowed type as losing data, and a widened one not', () => {
    const withoutNote = updateTable(base.schema, customers, (t) => withoutColumns(t, new Set([column(base.schema, 'note').id])));
    const dropped = diffSchemas(base.schema, withoutNote).up;
    expect(dropped).toMatchObject([
      { kind: 'dropColumn', sql: 'ALTER TABLE customers DROP COLUMN note;', losesData: expect.stringContaining('note') },
    ]);
    expect(toMigrationSql(dropped)).toMatch(/^-- DATA LOSS: drops column customers\.note/);
    const narrowed = diffSchemas(base.schema, edit('note', { type: 'varchar(5)' })).up;
    expect(narrowed).toMatchObject([{ kind: 'alterColumn', losesData: expect.stringContaining('varchar(20) to varchar(5)') }]);
    expect(narrowed[0]!.sql).toBe('ALTER TABLE customers ALTER COLUMN note TYPE varchar(5) USING note::varchar(5);');
    expect(riskySteps(diffSchemas(base.schema, edit('note', { type: 'text' })).up)).toEqual([]);
  });

  it('reads type aliases as PostgreSQL does: int to integer or varchar to character varying is no change', () => {
    expect(diffSchemas(base.schema, edit('id', { type: 'int4' })).up).toEqual([]);
    expect(diffSchemas(base.schema, edit('note', { type: 'character varying(20)' })).up).toEqual([]);
    expect(diffSchemas(base.schema, edit('note', { type: 'VARCHAR (20)' })).up).toEqual([]);
  });

  it('adds a NOT NULL column without a default in three steps, the fill written as a comment', () => {
    const added = addColumn(base.schema, customers, { name: 'email', type: 'text', isNotNull: true }).schema;
    const { up } = diffSchemas(base.schema, added);
    expect(kindsOf(up)).toEqual(['addColumn', 'fillColumn', 'setNotNull']);
    expect(toMigrationSql(up)).toContain('-- fill customers.email here');
    expect(up[2]!.rejectsRows).toContain('customers');
  });
});

describe.each(engines)('tables and columns migrate on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    const migrates = async (to: Schema, from: Schema = base.schema) => expectMigrates(await engine.runner(), from, to, rows);

    it('keeps the rows of a renamed table and column', async () => {
      const runner = await engine.runner();
      const to = edit('note', { name: 'remark', type: 'text' }, renameTable(base.schema, customers, 'clients'));
      await runner.exec('BEGIN');
      try {
        await runner.execEach(statementsOf(ddlOf(base.schema) + rows + toMigrationSql(diffSchemas(base.schema, to).up)));
        const { rows: kept } = await runner.query('SELECT id, name, remark FROM clients ORDER BY id');
        expect(kept).toEqual([
          { id: 1, name: 'Ada', remark: 'first' },
          { id: 2, name: 'Bo', remark: null },
        ]);
      } finally {
        await runner.exec('ROLLBACK');
      }
    });

    it('creates and drops a table', async () => {
      const { up, down } = await migrates(withTable(base.schema, 'orders', { name: 'total', type: 'numeric(10, 2)' }).schema);
      expect(kindsOf(up)).toEqual(['createTable']);
      expect(down).toMatchObject([{ kind: 'dropTable', losesData: expect.stringContaining('orders') }]);
    });

    it('renames a table and moves it to another schema', async () => {
      const moved = updateTableFields(renameTable(base.schema, customers, 'clients'), customers, {
        schemaName: 'sales',
        comment: 'who buys',
      });
      const { up } = await migrates(moved);
      expect(kindsOf(up)).toEqual(['createSchema', 'renameTable', 'moveTable', 'renameConstraint', 'comment']);
    });

    it('renames, retypes, defaults and comments columns', async () => {
      let to = edit('note', { name: 'remark', type: 'text', defaultValue: "'none'", comment: 'free text' });
      to = edit('name', { type: 'varchar(80)' }, to);
      const { up } = await migrates(to);
      expect(up.filter((s) => s.kind === 'renameColumn').map((s) => s.sql)).toEqual([
        'ALTER TABLE customers RENAME COLUMN note TO remark;',
      ]);
    });

    it('adds columns: nullable, NOT NULL in three steps, with a default, identity and generated', async () => {
      let to = addColumn(base.schema, customers, { name: 'email', type: 'text' }).schema;
      to = addColumn(to, customers, { name: 'since', type: 'date', isNotNull: true, defaultValue: 'CURRENT_DATE' }).schema;
      to = addColumn(to, customers, { name: 'upper_name', type: 'text', generated: { expression: 'upper(name)', kind: 'stored' } }).schema;
      const { up } = await migrates(to, base.schema);
      expect(kindsOf(up)).toEqual(['addColumn', 'addColumn', 'addColumn']);
      const strict = addColumn(base.schema, customers, { name: 'code', type: 'text', isNotNull: true }).schema;
      await expect(migrates(strict)).rejects.toThrow();
    });

    it('sets and drops NOT NULL, identity and generated expressions', async () => {
      let to = edit('note', { isNotNull: true, defaultValue: "'?'" });
      to = edit('id', { identity: 'byDefault' }, to);
      const { up } = await expectMigrates(await engine.runner(), base.schema, to);
      expect(up.find((s) => s.sql.endsWith('SET NOT NULL;'))?.rejectsRows).toBeDefined();
      const generated = addColumn(base.schema, customers, {
        name: 'shout',
        type: 'text',
        generated: { expression: 'upper(name)', kind: 'stored' },
      }).schema;
      const changed = edit('shout', { generated: { expression: 'lower(name)', kind: 'stored' } }, generated);
      const replaced = await migrates(changed, generated);
      expect(kindsOf(replaced.up)).toEqual(['dropColumn', 'addColumn']);
      expect(riskySteps(replaced.up)).toEqual([]);
    });

    it('swaps the names of two tables and of two columns through a temporary name', async () => {
      const two = withTable(base.schema, 'orders');
      let swapped = renameTable(renameTable(two.schema, customers, 'orders'), two.tableId, 'customers');
      const [nameId, noteId] = [column(base.schema, 'name').id, column(base.schema, 'note').id];
      swapped = updateColumn(updateColumn(swapped, customers, nameId, { name: 'note' }), customers, noteId, { name: 'name' });
      const { up } = await migrates(swapped, two.schema);
      expect(up.filter((s) => s.kind === 'renameTable').map((s) => s.sql)).toEqual([
        'ALTER TABLE customers RENAME TO customers__renaming;',
        'ALTER TABLE orders RENAME TO customers;',
        'ALTER TABLE customers__renaming RENAME TO orders;',
      ]);
      expect(up.filter((s) => s.kind === 'renameColumn').map((s) => s.sql)).toEqual([
        'ALTER TABLE orders RENAME COLUMN name TO name__renaming;',
        'ALTER TABLE orders RENAME COLUMN note TO name;',
        'ALTER TABLE orders RENAME COLUMN name__renaming TO note;',
      ]);
    });

    it('adds, renames and drops CHECKs, UNIQUE columns and indexes', async () => {
      const note = column(base.schema, 'note').id;
      let to = updateTableFields(base.schema, customers, {
        checks: [aCheck({ name: 'name_present', expression: "name <> ''" })],
        indexes: [anIndex([note]), anIndex([column(base.schema, 'name').id, note], { isUnique: true })],
      });
      to = edit('name', { isUnique: true }, to);
      const { up, down } = await migrates(to);
      expect(kindsOf(up)).toEqual(['addUnique', 'createIndex', 'addCheck', 'createIndex']);
      expect(up.every((s) => s.kind === 'createIndex' || s.rejectsRows)).toBe(true);
      expect(kindsOf(down)).toEqual(['dropConstraint', 'dropConstraint', 'dropIndex', 'dropIndex']);
      await migrates(renameTable(to, customers, 'clients'), to);
    });
  });
});
