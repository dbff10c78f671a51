import { afterAll, describe, expect, it } from 'vitest';
import { updateColumn, updateTableFields, type Schema } from '../model/index.ts';
import { anEnum, aTable, tableOf } from '../testing/factories.ts';
import { closeEngines, engines, statementsOf } from '../testing/engines.ts';
import { ddlOf, expectMigrates, kindsOf } from '../testing/migrationCheck.ts';
import { diffSchemas, toMigrationSql } from './index.ts';

// PostgreSQL lets ALTER TYPE ... ADD VALUE run in a transaction (since 12) but refuses to use the label before COMMIT.
const mood = anEnum({ values: ['sad', 'ok', 'glad'] });
const table = aTable('people', { name: 'feeling', type: 'mood', defaultValue: "'ok'" }, { name: 'said', type: 'text' });
const base: Schema = { ...table.schema, enums: [mood] };
const column = (name: string) => tableOf(base, table.tableId).columns.find((c) => c.name === name)!.id;
const withFine: Schema = { ...base, enums: [{ ...mood, values: ['sad', 'ok', 'fine', 'glad'] }] };
const defaultsToFine = updateColumn(withFine, table.tableId, column('feeling'), { defaultValue: "'fine'" });
const checksFine = updateTableFields(withFine, table.tableId, {
  checks: [{ id: 'chk_fine', name: 'not_fine', expression: "feeling <> 'fine'::mood" }],
});
const saidBecomesMood = updateColumn(withFine, table.tableId, column('said'), { type: 'mood' });
const rows = `INSERT INTO people (id, feeling, said) VALUES (1, 'sad', 'glad');`;

describe('diffSchemas: a new enum label used in the same migration', () => {
  it('adds a label no step uses in place', () => {
    expect(kindsOf(diffSchemas(base, withFine).up)).toEqual(['addEnumValue']);
  });

  it('makes the type anew when a default uses the new label, and says where to split the script to keep ADD VALUE', () => {
    const { up } = diffSchemas(base, defaultsToFine);
    expect(kindsOf(up)).not.toContain('addEnumValue');
    expect(kindsOf(up)).toContain('replaceType');
    const script = toMigrationSql(up);
    expect(script).toContain("-- 'fine' is used below, and PostgreSQL cannot use a label added by ADD VALUE before COMMIT:");
    expect(script).toContain("-- ALTER TYPE mood ADD VALUE 'fine' AFTER 'ok';\n-- in a transaction of its own, COMMIT");
    expect(script.indexOf('SET DEFAULT')).toBeGreaterThan(script.indexOf('DROP TYPE mood__old'));
  });

  it('does so for a CHECK naming the label and a column cast to the type', () => {
    expect(kindsOf(diffSchemas(base, checksFine).up)).not.toContain('addEnumValue');
    expect(kindsOf(diffSchemas(base, saidBecomesMood).up)).not.toContain('addEnumValue');
  });
});

describe.each(engines)('new enum labels used at once migrate on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    const migrates = async (to: Schema) => expectMigrates(await engine.runner(), base, to, rows);

    /** Runs statements in a transaction that is rolled back, returning what the last query read. */
    const inTransaction = async (statements: readonly string[], query: string) => {
      const runner = await engine.runner();
      await runner.exec('BEGIN');
      try {
        for (const sql of statements) await runner.exec(sql);
        return (await runner.query(query)).rows;
      } finally {
        await runner.exec('ROLLBACK');
      }
    };

    it('ADD VALUE on a committed type, then the label used in the same transaction: PostgreSQL refuses it', async () => {
      const runner = await engine.runner();
      await runner.exec(`CREATE TYPE label_probe AS ENUM ('sad', 'ok')`);
      try {
        const statements = [`CREATE TABLE label_probes (feeling label_probe)`, `ALTER TYPE label_probe ADD VALUE 'fine'`];
        const used = `ALTER TABLE label_probes ALTER COLUMN feeling SET DEFAULT 'fine'`;
        await expect(inTransaction([...statements, used], 'SELECT 1')).rejects.toThrow(/unsafe use of new value/);
        expect(await inTransaction(statements, `SELECT 'ok'::label_probe AS old`)).toEqual([{ old: 'ok' }]);
      } finally {
        await runner.exec('DROP TYPE label_probe');
      }
    });

    it('a default names the new label', () => migrates(defaultsToFine));
    it('a CHECK names the new label', () => migrates(checksFine));
    it('a text column holding the new label becomes the enum (up, and down casting it back to text first)', async () => {
      await expectMigrates(
        await engine.runner(),
        base,
        saidBecomesMood,
        `INSERT INTO people (id, feeling, said) VALUES (1, 'sad', 'fine');`,
      );
    });

    it('a text column holding the new label becomes the enum in one transaction', async () => {
      const { up } = diffSchemas(base, saidBecomesMood);
      const script = [ddlOf(base), `INSERT INTO people (id, said) VALUES (1, 'fine');`, toMigrationSql(up)].join('\n');
      expect(await inTransaction(statementsOf(script), 'SELECT said::text AS said FROM people')).toEqual([{ said: 'fine' }]);
    });
  });
});
