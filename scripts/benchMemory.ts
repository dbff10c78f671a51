import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import { needsFreshBackend, pgliteRunner, planCheckSchedule } from '../src/db/index.ts';
import type { Schema } from '../src/model/index.ts';
import { runProof } from '../src/proof/index.ts';

/** Memory in MB after some proofs in a row. */
export interface MemorySample {
  proofs: number;
  /** The whole process. */
  rssMb: number;
  /** JavaScript heap in use after a full garbage collection. */
  heapMb: number;
  /** ArrayBuffers outside the heap: PGlite's in-memory file system keeps each file's bytes in one. */
  arrayBuffersMb: number;
  /** PostgreSQL's WebAssembly memory (it only ever grows). */
  wasmMb: number;
  /** Every file under PGDATA in PGlite's file system, in MB, and how many. */
  dataDirMb: number;
  dataDirFiles: number;
  /** Query plans PostgreSQL's backend holds (`cachedPlanCount`). */
  cachedPlans: number;
}

/** What `proveRepeatedly` measured. */
export interface RepeatedProofs {
  samples: MemorySample[];
  /** Milliseconds per proof, for proofs 1..block and (n - block + 1)..n. */
  firstBlock: number[];
  lastBlock: number[];
  /** Fresh PGlites started because `needsFreshBackend` said so, and their start times in ms (not in the proofs' times). */
  renewals: number[];
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

interface EmscriptenFs {
  stat(path: string): { mode: number; size: number };
  isDir(mode: number): boolean;
  readdir(path: string): string[];
}

function dataDirSize(fs: EmscriptenFs, path: string): { bytes: number; files: number } {
  const stat = fs.stat(path);
  if (!fs.isDir(stat.mode)) return { bytes: stat.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const entry of fs.readdir(path)) {
    if (entry === '.' || entry === '..') continue;
    const inner = dataDirSize(fs, `${path}/${entry}`);
    bytes += inner.bytes;
    files += inner.files;
  }
  return { bytes, files };
}

async function sample(pg: PGlite, proofs: number): Promise<MemorySample> {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  const dir = dataDirSize(pg.Module.FS as unknown as EmscriptenFs, '/pglite/data');
  const { rows } = await pg.query<{ plans: number }>(
    `SELECT count(*)::int AS plans FROM pg_backend_memory_contexts WHERE name = 'CachedPlanSource'`,
  );
  return {
    proofs,
    rssMb: mb(usage.rss),
    heapMb: mb(usage.heapUsed),
    arrayBuffersMb: mb(usage.arrayBuffers),
    wasmMb: mb(pg.Module.wasmMemory.buffer.byteLength),
    dataDirMb: mb(dir.bytes),
    dataDirFiles: dir.files,
    cachedPlans: rows[0]!.plans,
  };
}

/**
 * Proves `schema` `n` times in a row, as the app's worker does over a long session, sampling memory
 * after the proofs in `sampleAt`. Given `renew`, a PGlite that `needsFreshBackend` (checked on the
 * worker's `planCheckSchedule`) is closed and replaced by a fresh one from `start()`, untimed.
 */
export async function proveRepeatedly(
  start: () => Promise<PGlite>,
  schema: Schema,
  { n, sampleAt, block = 50, renew = false }: { n: number; sampleAt: number[]; block?: number; renew?: boolean },
): Promise<RepeatedProofs> {
  let pg = await start();
  let runner = pgliteRunner(pg);
  const figures: RepeatedProofs = { samples: [], firstBlock: [], lastBlock: [], renewals: [] };
  const isPlanCheckDue = planCheckSchedule();
  for (let i = 1; i <= n; i++) {
    const begun = performance.now();
    await runProof(runner, schema);
    const time = performance.now() - begun;
    if (i <= block) figures.firstBlock.push(time);
    if (i > n - block) figures.lastBlock.push(time);
    if (sampleAt.includes(i)) figures.samples.push(await sample(pg, i));
    if (renew && isPlanCheckDue(time) && (await needsFreshBackend(pg))) {
      const restart = performance.now();
      await pg.close();
      pg = await start();
      runner = pgliteRunner(pg);
      figures.renewals.push(performance.now() - restart);
    }
  }
  await pg.close();
  return figures;
}
