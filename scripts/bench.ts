// `npm run bench [-- --json | --canvas | --migration | --collab [--quick]]`: figures for the team, never assertions. Runs on this machine.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { generateDdl, toSqlText } from '../src/ddl/index.ts';
import { pgliteRunner, startPglite } from '../src/db/index.ts';
import { runProof } from '../src/proof/index.ts';
import { aSchema, ends } from '../src/testing/factories.ts';
import { exampleDocument } from '../src/testing/example.ts';
import { measurePageOpen } from './benchBrowser.ts';
import { canvasFigures, measureLargeCanvas } from './benchCanvas.ts';
import { collabSeconds, measureCollab } from './benchCollab.ts';
import { proveRepeatedly, type RepeatedProofs } from './benchMemory.ts';
import { measureImports } from './benchImport.ts';
import { measureMigration } from './benchMigration.ts';
import { measureCli } from './benchCli.ts';
import { measureProofScale } from './benchProofScale.ts';
import { measureProofSession } from './benchProofSession.ts';
import { largeSchema } from './largeSchema.ts';

interface Figure {
  name: string;
  unit: 'ms';
  median: number;
  min: number;
  max: number;
  runs: number;
  aim?: string;
  detail?: Record<string, number | string>;
}

const round = (n: number) => Math.round(n * 10) / 10;

function summarize(name: string, times: number[], aim?: string, detail?: Record<string, number | string>): Figure {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name,
    unit: 'ms',
    median: round(sorted[Math.floor(sorted.length / 2)]!),
    min: round(sorted[0]!),
    max: round(sorted.at(-1)!),
    runs: sorted.length,
    ...(aim ? { aim } : {}),
    ...(detail ? { detail } : {}),
  };
}

/** Times `run` on a fresh input each time (prepared untimed), so no cache from an earlier run helps. */
async function measure<T>(runs: number, prepare: () => T, run: (input: T) => unknown): Promise<number[]> {
  for (let i = 0; i < 2; i++) await run(prepare());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare();
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    await run(input);
    times.push(performance.now() - start);
  }
  return times;
}

function printFigure(f: Figure): void {
  console.log(`${f.name}: median ${f.median} ${f.unit} (min ${f.min}, max ${f.max}, ${f.runs} runs)${f.aim ? `; aim ${f.aim}` : ''}`);
  if (f.detail)
    console.log(
      `  ${Object.entries(f.detail)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    );
}

// `npm run bench -- --canvas`: only the 500-table canvas figures (it builds the app first), for work on the canvas.
if (process.argv.includes('--canvas')) {
  for (const f of canvasFigures(await measureLargeCanvas(3))) printFigure(summarize(f.name, f.times, f.aim, f.detail));
  process.exit(0);
}

// `npm run bench -- --collab`: only the live-session figures (it builds the app first); `--quick` runs the busy room 10 s instead of 60.
if (process.argv.includes('--collab')) {
  for (const f of await measureCollab({ seconds: collabSeconds(process.argv) })) printFigure(summarize(f.name, f.times, f.aim, f.detail));
  process.exit(0);
}

const figures: Figure[] = [];

const large = largeSchema(1000, 1200);
const sample = generateDdl(large);
figures.push(
  summarize(
    'DDL generation, 1,000 tables and 1,200 relationships',
    await measure(
      15,
      () => structuredClone(large),
      (s) => generateDdl(s),
    ),
    'under 50 ms',
    {
      statements: sample.statements.length,
      bytes: toSqlText(sample.statements).length,
    },
  ),
);

const dataDir = readFileSync('public/pglite/datadir.tar.gz');
const startShipped = () => startPglite(new Blob([dataDir]));
const pg = await startShipped();
const runner = pgliteRunner(pg);
const oneToOne = aSchema(ends.exactlyOne, ends.zeroOrOne).schema;
figures.push(
  summarize(
    'One 1:1 proved, warm (PGlite in Node)',
    await measure(
      20,
      () => structuredClone(oneToOne),
      (s) => runProof(runner, s),
    ),
    'under 50 ms',
  ),
);
await pg.close();
for (const f of await measureMigration(3, startShipped)) figures.push(summarize(f.name, f.times, f.aim, f.detail));
if (process.argv.includes('--migration')) {
  for (const f of figures) printFigure(f);
  process.exit(0);
}
for (const f of await measureProofScale(3, startShipped)) figures.push(summarize(f.name, f.times, f.aim, f.detail));
for (const f of await measureCli(5)) figures.push(summarize(f.name, f.times, f.aim, f.detail));
// 200 relationships as the app's worker proves them over a session: one PGlite, replaced (untimed) when
// needsFreshBackend says so. Without that, PostgreSQL keeps every proof's foreign-key plans until its
// session ends and each run is slower than the last: the second row shows it.
const twoHundred = largeSchema(150, 200, 7);
const counting = await startShipped();
const scenarioCount = (await runProof(pgliteRunner(counting), twoHundred)).results.length;
await counting.close();
for (const [renew, words] of [
  [true, 'as the app does (one PGlite, renewed when needsFreshBackend)'],
  [false, 'in one PGlite never renewed'],
] as const) {
  const session = await proveRepeatedly(startShipped, twoHundred, { n: 6, sampleAt: [], block: 6, renew });
  figures.push(
    summarize(`200 relationships proved, 6 in a row ${words} (PGlite in Node)`, session.lastBlock, renew ? 'under 3 s' : undefined, {
      scenarios: scenarioCount,
      renewals: session.renewals.length,
    }),
  );
}

// A long session: the example proved 500 times in one PGlite, as the app's worker would; then the same
// with a fresh PGlite whenever needsFreshBackend says so, as the app's proof worker does.
const example = exampleDocument().schema;
const sessions: Record<'onePglite' | 'renewed', RepeatedProofs> = {
  onePglite: await proveRepeatedly(startShipped, example, { n: 500, sampleAt: [50, 500] }),
  renewed: await proveRepeatedly(startShipped, example, { n: 500, sampleAt: [50, 500], renew: true }),
};
for (const [session, words] of [
  ['onePglite', 'in one PGlite'],
  ['renewed', 'renewing PGlite when needsFreshBackend'],
] as const) {
  figures.push(summarize(`Example proved, proofs 1-50 of 500 ${words}`, sessions[session].firstBlock));
  figures.push(
    summarize(`Example proved, proofs 451-500 of 500 ${words}`, sessions[session].lastBlock, undefined, {
      renewals: sessions[session].renewals.length,
    }),
  );
}

// SQL import of every corpus schema and the 500-table script: ours against @dbml/core's parser on the same text (its failure is the detail).
for (const f of await measureImports(3, (extensions) => startPglite(new Blob([dataDir]), extensions)))
  figures.push(summarize(f.name, f.times, f.aim, f.detail));

const pageOpen = await measurePageOpen(3);
figures.push(
  summarize(
    'Page open to PostgreSQL ready, shipped data directory (headless Chromium)',
    pageOpen.shippedDataDir.postgresReady,
    'under 1 s',
  ),
);
figures.push(summarize('Page open to first proof, shipped data directory (headless Chromium)', pageOpen.shippedDataDir.firstProof));
figures.push(summarize('Page open to PostgreSQL ready, plain PGlite.create() with initdb (same run)', pageOpen.plainInitdb.postgresReady));
// The browser session and the large-document canvas figures use the build measurePageOpen just made.
const browserSession = await measureProofSession(500);
figures.push(
  summarize(
    'Example proved in headless Chromium, proofs 1-50 of 500 (request to report, 250 ms debounce included)',
    browserSession.firstBlock,
  ),
);
figures.push(summarize('Example proved in headless Chromium, proofs 451-500 of 500 (same)', browserSession.lastBlock));
for (const f of canvasFigures(await measureLargeCanvas(3, { build: false }))) figures.push(summarize(f.name, f.times, f.aim, f.detail));
for (const f of await measureCollab({ seconds: collabSeconds(process.argv), build: false }))
  figures.push(summarize(f.name, f.times, f.aim, f.detail));

if (process.argv.includes('--json')) {
  const memory = Object.fromEntries(
    Object.entries(sessions).map(([k, v]) => [k, { samples: v.samples, renewalMs: v.renewals.map(round) }]),
  );
  console.log(JSON.stringify({ node: process.version, figures, memory, browserSession: browserSession.samples }, null, 2));
} else {
  for (const f of figures) printFigure(f);
  for (const m of browserSession.samples) {
    console.log(
      `Browser after ${m.proofs} proofs of the example: page JS heap ${m.pageHeapMb} MB, worker WebAssembly ${m.wasmMb} MB, ${m.cachedPlans} cached plans, PostgreSQL replaced ${m.replacements} times`,
    );
  }
  for (const [session, { samples }] of Object.entries(sessions)) {
    for (const m of samples) {
      console.log(
        `Memory after ${m.proofs} proofs of the example (${session}): RSS ${m.rssMb} MB, JS heap ${m.heapMb} MB, ArrayBuffers ${m.arrayBuffersMb} MB, ` +
          `WebAssembly ${m.wasmMb} MB, data directory ${m.dataDirMb} MB in ${m.dataDirFiles} files, ${m.cachedPlans} cached plans`,
      );
    }
  }
}
