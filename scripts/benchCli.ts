// `erd` as a user runs it: a new Node process per command on the 5-table example, the built bin
// (dist-cli/, scripts/buildCli.ts) next to the same command run from the TypeScript sources through tsx
// (what the bin did before it was built; its anchor). Prints nothing: scripts/bench.ts prints the figures.
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { builtCliState } from '../src/cli/cliBuild.mjs';
import { buildCli } from './buildCli.ts';

/** One figure's times and what they stand on. */
export interface CliFigure {
  name: string;
  times: number[];
  aim?: string;
  detail?: Record<string, number | string>;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const example = 'examples/classic-one-to-one.erd.json';
const run = promisify(execFile);

/** The command run from its sources: the bin's fallback, without its check or its note on stderr. */
const fromSources = [
  '--import',
  'tsx',
  '--input-type=module',
  '-e',
  "const { main, nodeIo } = await import('./src/cli/main.ts'); process.exitCode = await main(process.argv.slice(1), nodeIo());",
];

/** Wall time of `node ARGS`, from spawning to exit, in the repository; rejects if it exits non-zero. */
async function timedNode(args: string[]): Promise<number> {
  const start = performance.now();
  await run(process.execPath, args, { cwd: root, maxBuffer: 32 << 20 });
  return performance.now() - start;
}

/** `runs` times (after one untimed run that warms the file cache). */
async function times(runs: number, args: string[]): Promise<number[]> {
  await timedNode(args);
  const measured: number[] = [];
  for (let i = 0; i < runs; i++) measured.push(await timedNode(args));
  return measured;
}

/** Aims of issue 15, per command, on a project file. */
const commands: [command: string, aim: string][] = [
  ['ddl', 'under 300 ms'],
  ['lint', 'under 300 ms'],
  ['mermaid', 'under 300 ms'],
  ['dbml', 'under 300 ms'],
  ['prove', 'under 1.5 s'],
];

/**
 * `erd ddl`, `lint`, `mermaid`, `dbml` and `prove` on the example: the built bin `runs` times, and from
 * sources through tsx (anchor) up to 3 times. Builds dist-cli/ first when it is missing or older than the sources.
 */
export async function measureCli(runs: number): Promise<CliFigure[]> {
  const state = builtCliState(root);
  if (state !== 'current') await buildCli(root);
  const figures: CliFigure[] = [];
  for (const [command, aim] of commands) {
    const args = [command, example];
    figures.push({
      name: `erd ${command} on the 5-table example, built bin (new process)`,
      times: await times(runs, ['src/cli/erd.mjs', ...args]),
      aim,
      detail: { build: state === 'current' ? 'dist-cli/ as found' : `dist-cli/ was ${state}: built first` },
    });
    figures.push({
      name: `erd ${command} on the 5-table example, from sources through tsx (anchor)`,
      times: await times(Math.min(runs, 3), [...fromSources, ...args]),
    });
  }
  return figures;
}
