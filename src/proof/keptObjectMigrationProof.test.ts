import { afterAll, describe, expect, it } from 'vitest';
import type { Schema } from '../model/index.ts';
import { diffSchemas, toMigrationSql } from '../migrate/index.ts';
import { aKeptObject, aTable } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { proveMigration } from './migrationProof.ts';

const made = aTable('customers', { name: 'note', type: 'text' });
const counted = aKeptObject({
  kind: 'function',
  name: 'counted()',
  sql: 'CREATE FUNCTION counted() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM customers $$;',
});
const noted = aKeptObject({ name: 'noted', sql: 'CREATE VIEW noted AS SELECT id, note FROM customers;' });
const base: Schema = { ...made.schema, sqlObjects: [counted, noted] };
const changed: Schema = {
  ...made.schema,
  sqlObjects: [
    { ...counted, sql: counted.sql.replace('count(*)', 'count(note)') },
    { ...noted, sql: 'CREATE VIEW noted AS SELECT id FROM customers;' },
  ],
};

describe.each(engines)('migration proofs with kept functions and views on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    // The proof builds every kept object, as the migration makes, replaces and drops them.
    it.each([
      ['changed', base, changed],
      ['dropped', base, made.schema],
      ['added', made.schema, base],
    ])('kept objects %s: every check passes', async (_, from, to) => {
      const { up, down } = diffSchemas(from, to);
      const report = await proveMigration(await engine.runner(), from, to, { up: toMigrationSql(up), down: toMigrationSql(down) });
      expect(report.checks.map((c) => [c.kind, c.verdict, c.differences])).toEqual([
        ['catalog', 'passed', []],
        ['rows', 'passed', []],
        ['relationships', 'passed', []],
        ['down', 'passed', []],
      ]);
    });
  });
});
