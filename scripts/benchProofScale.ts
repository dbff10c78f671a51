import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { pgliteRunner, startPglite } from '../src/db/index.ts';
import { updateRelationship, type Schema, type ScriptRunner } from '../src/model/index.ts';
import { mergeProofResults, proveChanged, runScenario, summarize, withSchemaLoaded, buildScenarios } from '../src/proof/index.ts';
import { fitSamples } from '../src/proof/fitSamples.ts';
import { largeSchema } from './largeSchema.ts';

/** One figure's times and what they stand on. */
export interface ProofScaleFigure {
  name: string;
  times: number[];
  aim?: string;
  detail?: Record<string, number | string>;
}

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};

/** The proof as it ran before batching: every scenario its own two or three round trips (the anchor). */
async function proveOneByOne(runner: ScriptRunner, schema: Schema): Promise<number> {
  const oneByOne: ScriptRunner = { ...runner };
  delete oneByOne.execGroups;
  const loaded = await withSchemaLoaded(oneByOne, schema, async (statements, s) => {
    const fitted = await fitSamples(oneByOne, s);
    await oneByOne.exec('SAVEPOINT scenario');
    let count = 0;
    for (const scenario of buildScenarios(s, statements, fitted)) {
      if ('notProvable' in scenario) continue;
      await runScenario(oneByOne, scenario);
      count++;
    }
    return count;
  });
  return loaded.value ?? 0;
}

/**
 * The 500-table / 600-relationship proof in a fresh PGlite in Node (as the worker runs it after
 * loading a document), beside the same proof one scenario per round trip (the previous approach); then
 * one edited relationship (ON DELETE changed, three times after a first) re-proved against the fingerprints of the full proof,
 * beside the full proof it replaces. A fresh PGlite per run: a long-lived one caches plans (the worker renews it).
 */
export async function measureProofScale(runs: number, startShipped: () => Promise<PGlite>): Promise<ProofScaleFigure[]> {
  const schema = largeSchema(500, 600);
  const full: number[] = [];
  const resultsIn: number[] = [];
  const anchor: number[] = [];
  const edit: number[] = [];
  let detail: Record<string, number | string> = {};
  let editDetail: Record<string, number | string> = {};
  for (let i = 0; i < runs; i++) {
    const pg = await startShipped();
    const runner = pgliteRunner(pg);
    await runner.exec('SELECT 1');
    let report: Awaited<ReturnType<typeof proveChanged>> | undefined;
    const start = performance.now();
    let lastResult = start;
    full.push(
      await timed(async () => (report = await proveChanged(runner, schema, { onResults: () => (lastResult = performance.now()) }))),
    );
    resultsIn.push(lastResult - start);
    detail = { scenarios: report!.results.length, ...summarize(report!) };
    const target = schema.relationships.find((r) => r.onDelete === 'no action') ?? schema.relationships[0]!;
    for (const [n, onDelete] of (['cascade', 'restrict', 'cascade', 'restrict'] as const).entries()) {
      const edited = updateRelationship(schema, target.id, { onDelete });
      let again: Awaited<ReturnType<typeof proveChanged>> | undefined;
      const time = await timed(async () => {
        again = await proveChanged(runner, edited, { known: report!.fingerprints });
        mergeProofResults(edited, report!.results, again.results, again.proved);
      });
      if (n > 0) edit.push(time); // the first warms the code paths an edit takes
      editDetail = { relationshipsProved: again!.proved.length, scenarios: again!.results.length };
    }
    await pg.close();
    if (i < Math.min(runs, 2)) {
      const old = await startShipped();
      const oldRunner = pgliteRunner(old);
      await oldRunner.exec('SELECT 1');
      anchor.push(await timed(() => proveOneByOne(oldRunner, schema)));
      await old.close();
    }
  }
  return [
    {
      name: 'Proof of 500 tables / 600 relationships, every result in (as the worker sends them), fresh PGlite in Node',
      times: resultsIn,
      aim: 'under 5 s',
      detail,
    },
    { name: 'Same proof to its end (its ROLLBACK and the catalog upkeep after it, once the results are out)', times: full },
    { name: 'Same proof, one round trip per scenario step (previous approach, anchor)', times: anchor },
    {
      name: 'One edited relationship re-proved (fingerprints), 500/600 document, warm PGlite',
      times: edit,
      aim: 'under 300 ms',
      detail: editDetail,
    },
  ];
}

/** Run alone (`npx tsx scripts/benchProofScale.ts [runs]`, after `npm run bench` or `tsx scripts/buildDataDir.ts` built the data directory): prints each figure's runs. */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dataDir = readFileSync('public/pglite/datadir.tar.gz');
  for (const f of await measureProofScale(Number(process.argv[2] ?? 1), () => startPglite(new Blob([dataDir])))) {
    const times = f.times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ');
    console.log(`${f.name}: ${times}${f.aim ? ` (aim ${f.aim})` : ''}${f.detail ? ` ${JSON.stringify(f.detail)}` : ''}`);
  }
}
