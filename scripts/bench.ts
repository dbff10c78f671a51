// `npm run bench [-- --json]`: figures for the team, never assertions. Runs in Node on this machine.
import { performance } from 'node:perf_hooks';
import { generateDdl, toSqlText } from '../src/ddl/index.ts';
import { largeSchema } from './largeSchema.ts';

interface Figure {
  name: string;
  unit: 'ms';
  median: number;
  min: number;
  max: number;
  runs: number;
  aim?: string;
  detail?: Record<string, number>;
}

/** Times `run` on a fresh input each time (prepared untimed), so no cache from an earlier run helps. */
function measure<T>(name: string, runs: number, prepare: () => T, run: (input: T) => void, aim?: string, detail?: Record<string, number>): Figure {
  for (let i = 0; i < 3; i++) run(prepare());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare();
    const start = performance.now();
    run(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { name, unit: 'ms', median: round(times[Math.floor(runs / 2)]!), min: round(times[0]!), max: round(times.at(-1)!), runs, ...(aim ? { aim } : {}), ...(detail ? { detail } : {}) };
}

const schema = largeSchema(1000, 1200);
const sample = generateDdl(schema);
if (sample.problems.some((p) => p.severity === 'error')) throw new Error(`bench schema is invalid: ${sample.problems[0]!.message}`);
const figures: Figure[] = [
  measure('DDL generation, 1,000 tables and 1,200 relationships', 15, () => structuredClone(schema), (fresh) => generateDdl(fresh), 'under 50 ms', {
    statements: sample.statements.length,
    bytes: toSqlText(sample.statements).length,
  }),
];

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ node: process.version, figures }, null, 2));
} else {
  for (const f of figures) {
    console.log(`${f.name}: median ${f.median} ${f.unit} (min ${f.min}, max ${f.max}, ${f.runs} runs)${f.aim ? `; aim ${f.aim}` : ''}`);
    if (f.detail) console.log(`  ${Object.entries(f.detail).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  }
}
