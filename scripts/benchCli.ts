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

/** Makes the child print its CPU time (all its threads, the import worker's too) as the last line of stderr when it exits. */
const reportCpu = [
  '--import',
  'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write(`\\ncpu-ms ${(u.user+u.system)/1000}\\n`)})',
];

/** Wall time of `node ARGS` from spawning to exit, in the repository, and the CPU time it reported; rejects if it exits non-zero. */
async function timedNode(args: string[]): Promise<{ wall: number; cpu: number }> {
  const start = performance.now();
  const { stderr } = await run(process.execPath, [...reportCpu, ...args], { cwd: root, maxBuffer: 32 << 20 });
  return { wall: performance.now() - start, cpu: Number(/cpu-ms ([\d.]+)\s*$/.exec(stderr)?.[1]) };
}

const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);

/**
 * `runs` wall times (after one untimed run that warms the file cache), and the median CPU time: on a
 * machine other jobs keep busy the wall time doubles while the CPU time barely moves.
 */
async function times(runs: number, args: string[]): Promise<{ times: number[]; cpuMs: number }> {
  await timedNode(args);
  const measured: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) measured.push(await timedNode(args));
  return { times: measured.map((m) => m.wall), cpuMs: median(measured.map((m) => m.cpu)) };
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
    const built = await times(runs, ['src/cli/erd.mjs', ...args]);
    figures.push({
      name: `erd ${command} on the 5-table example, built bin (new process)`,
      times: built.times,
      aim,
      detail: { 'CPU ms (median)': built.cpuMs, build: state === 'current' ? 'dist-cli/ as found' : `dist-cli/ was ${state}: built first` },
    });
    const anchor = await times(Math.min(runs, 3), [...fromSources, ...args]);
    figures.push({
      name: `erd ${command} on the 5-table example, from sources through tsx (anchor)`,
      times: anchor.times,
      detail: { 'CPU ms (median)': anchor.cpuMs },
    });
  }
  return figures;
}
