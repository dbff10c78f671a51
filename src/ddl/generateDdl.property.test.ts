import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSchema } from '../model/index.ts';
import { schemaArb } from '../testing/arbitraries.ts';
import { runChecks } from '../testing/engines.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { generateDdl } from './generateDdl.ts';
import { toSqlText } from './statement.ts';

describe('generateDdl over random documents', () => {
  it('produces DDL that PostgreSQL executes without error', async () => {
    const runner = await testRunner();
    await fc.assert(
      fc.asyncProperty(schemaArb, async (schema) => {
        expect(validateSchema(schema).filter((p) => p.severity === 'error')).toEqual([]);
        const ddl = toSqlText(generateDdl(schema).statements);
        const [outcome] = await runChecks(runner, 'SELECT 1', [ddl]);
        expect(outcome, ddl).toBe('ok');
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  });

  it('is byte-identical when generated twice', () => {
    fc.assert(
      fc.property(schemaArb, (schema) => {
        expect(toSqlText(generateDdl(structuredClone(schema)).statements)).toBe(toSqlText(generateDdl(schema).statements));
      }),
      { numRuns: 100 },
    );
  });
});
