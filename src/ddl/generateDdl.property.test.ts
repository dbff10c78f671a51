import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSchema } from '../model/index.ts';
import { schemaArb } from '../testing/arbitraries.ts';
import { runChecks } from '../testing/engines.ts';
import { propertyRuns, propertyTimeout } from '../testing/propertyRuns.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { generateDdl } from './generateDdl.ts';
import { toSqlText } from './statement.ts';

/** PROPERTY_RUNS=2000 for a long run; the limits grow with it (a document took 11 ms in PGlite on an idle machine, 105 ms on a busy one: 250 allowed). */
const executedRuns = propertyRuns(60);
const generatedRuns = propertyRuns(100);

describe('generateDdl over random documents', () => {
  it(
    'produces DDL that PostgreSQL executes without error',
    async () => {
      const runner = await testRunner();
      await fc.assert(
        fc.asyncProperty(schemaArb, async (schema) => {
          expect(validateSchema(schema).filter((p) => p.severity === 'error')).toEqual([]);
          const ddl = toSqlText(generateDdl(schema).statements);
          const [outcome] = await runChecks(runner, 'SELECT 1', [ddl]);
          expect(outcome, ddl).toBe('ok');
        }),
        { numRuns: executedRuns },
      );
    },
    propertyTimeout(executedRuns, 250),
  );

  it(
    'is byte-identical when generated twice',
    () => {
      fc.assert(
        fc.property(schemaArb, (schema) => {
          expect(toSqlText(generateDdl(structuredClone(schema)).statements)).toBe(toSqlText(generateDdl(schema).statements));
        }),
        { numRuns: generatedRuns },
      );
    },
    propertyTimeout(generatedRuns, 50),
  );
});
