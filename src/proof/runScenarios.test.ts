import { describe, expect, it } from 'vitest';
import { pgliteRunner } from '../db/index.ts';
import type { ScriptRunner } from '../model/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { testPglite } from '../testing/testDatabase.ts';
import { runProof } from './runProof.ts';
import type { ScenarioResult } from './scenario.ts';

/** Results as compared: PostgreSQL's error details quote the row, whose now() differs between runs. */
const comparable = (results: readonly ScenarioResult[]) =>
  JSON.parse(JSON.stringify(results).replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[.\d]*\+00/g, 'now')) as unknown;

describe('scenarios in batches', () => {
  it('give the same results as one round trip per step, in chunks, a refused statement ending only its own scenario', async () => {
    const runner = pgliteRunner(await testPglite());
    const oneByOne: ScriptRunner = { ...runner };
    delete oneByOne.execGroups;
    const { schema } = exampleDocument();
    const chunks: number[] = [];
    const batched = await runProof(runner, schema, { onResults: (r) => chunks.push(r.length) });
    const plain = await runProof(oneByOne, schema);
    expect(comparable(batched.results)).toEqual(comparable(plain.results));
    expect(batched.results.some((r) => r.actual?.outcome === 'rejected')).toBe(true);
    expect(batched.results.every((r) => r.verdict === 'passed')).toBe(true);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(batched.results.length);
  });
});
