import { afterAll, describe, expect, it } from 'vitest';
import { updateTableFields, type Schema } from '../model/index.ts';
import { aCheck, aSchema } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { runProof, summarize } from './runProof.ts';

/** The 1:N of authors and books, both tables in schema "sales". */
function inSales(): Schema {
  const { schema, parentId, childId } = aSchema();
  return updateTableFields(updateTableFields(schema, parentId, { schemaName: 'sales' }), childId, { schemaName: 'sales' });
}

describe.each(engines)('runProof options on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    it('schemaName moves every table there, for the DDL and the scenarios, and nothing outlives the run', async () => {
      const runner = await engine.runner();
      const report = await runProof(runner, inSales(), { schemaName: 'erd_proof_options_test' });
      expect(report.ddlError).toBeUndefined();
      expect(summarize(report)).toEqual({ passed: report.results.length, failed: 0, notProvable: 0 });
      const sql = report.results.flatMap((r) => r.sql).join('\n');
      expect(sql).toContain('INSERT INTO erd_proof_options_test.books ');
      expect(sql).not.toContain('sales.');
      const { rows } = await runner.query(
        `SELECT count(*)::int AS n FROM pg_namespace WHERE nspname IN ('erd_proof_options_test', 'sales')`,
      );
      expect(rows).toEqual([{ n: 0 }]);
    });
  });
});

const server = engines.find(({ engine }) => engine.name === 'PostgreSQL server')!;

describe.skipIf(Boolean(server.skip))(
  server.skip ? `runProof statementTimeoutMs: skipped: ${server.skip}` : 'runProof statementTimeoutMs',
  () => {
    afterAll(closeEngines);

    it('cancels a statement that runs too long, and the limit ends with the run', async () => {
      const { schema, childId } = aSchema();
      const slow = updateTableFields(schema, childId, { checks: [aCheck({ name: 'slow', expression: 'pg_sleep(60) IS NOT NULL' })] });
      const runner = await server.engine.runner();
      const report = await runProof(runner, slow, { statementTimeoutMs: 100 });
      const cancelled = report.results.filter((r) => r.reason?.includes('57014'));
      expect(cancelled.length).toBeGreaterThan(0);
      expect(cancelled.every((r) => r.verdict === 'notProvable')).toBe(true);
      expect((await runner.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '0' }]);
    });
  },
);
