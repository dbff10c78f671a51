import { afterAll, describe, expect, it } from 'vitest';
import { updateColumn, type Schema } from '../model/index.ts';
import { aKeptObject, aTable, tableOf } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { expectMigrates, kindsOf } from '../testing/migrationCheck.ts';
import { diffSchemas } from './index.ts';

const made = aTable('customers', { name: 'note', type: 'varchar(20)' });
const noted = aKeptObject({ name: 'noted', sql: 'CREATE VIEW noted AS SELECT id, note FROM customers;' });
const onNoted = aKeptObject({ name: 'noted_ids', sql: 'CREATE VIEW noted_ids AS SELECT id FROM noted;' });
const elsewhere = aKeptObject({ name: 'one', sql: 'CREATE VIEW one AS SELECT 1 AS one;' });
const base: Schema = { ...made.schema, sqlObjects: [noted, onNoted, elsewhere] };
const note = tableOf(base, made.tableId).columns.find((c) => c.name === 'note')!.id;
const retyped = updateColumn(base, made.tableId, note, { type: 'text' });

describe('diffSchemas: kept views', () => {
  it('remakes the views that read a retyped column, and the views on them, around the change', () => {
    const { up } = diffSchemas(base, retyped);
    expect(kindsOf(up)).toEqual(['dropView', 'dropView', 'alterColumn', 'createView', 'createView']);
    expect(up.map((s) => s.sql)).toEqual([
      'DROP VIEW noted_ids;',
      'DROP VIEW noted;',
      'ALTER TABLE customers ALTER COLUMN note TYPE text USING note::text;',
      noted.sql,
      onNoted.sql,
    ]);
  });

  it('leaves views alone when nothing they read changes', () => {
    expect(diffSchemas(base, updateColumn(base, made.tableId, note, { comment: 'why' })).up.map((s) => s.kind)).toEqual(['comment']);
  });
});

describe.each(engines)('kept views migrate on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    it('a column a view reads changes type', async () => {
      await expectMigrates(await engine.runner(), base, retyped, `INSERT INTO customers (id, note) VALUES (1, 'kept');`);
    });

    it('a view is added, changed and dropped', async () => {
      const changed = {
        ...base,
        sqlObjects: [{ ...noted, sql: 'CREATE VIEW noted AS SELECT id, note, 1 AS one FROM customers;' }, onNoted],
      };
      await expectMigrates(await engine.runner(), base, changed);
    });
  });
});
