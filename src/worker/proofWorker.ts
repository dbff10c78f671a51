/// <reference lib="webworker" />
import type { PGlite } from '@electric-sql/pglite';
import pgliteWasmUrl from '@electric-sql/pglite/pglite.wasm?url';
import initdbWasmUrl from '@electric-sql/pglite/initdb.wasm?url';
import pgliteDataUrl from '@electric-sql/pglite/pglite.data?url';
import { shippedDataDirTar, shippedFileBundle } from '../db/shippedDownload.ts';
import { extensionsAskedFor, extensionsSchemaNeeds, loadExtensions } from '../db/pgliteExtensions.ts';
import { pgliteRunner } from '../db/pgliteRunner.ts';
import { cachedPlanCount, needsFreshBackend, planCheckSchedule } from '../db/backendPlans.ts';
import type { ScriptRunner } from '../model/index.ts';
import type { ProofProgress, TaskResults, WorkerRequest, WorkerResponse, WorkerTask } from './proofProtocol.ts';

/** PGlite with the proof, the step-through and the SQL console live here, off the main thread, so the canvas never waits for PostgreSQL. */
const scope = self as unknown as {
  name: string;
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

/**
 * The proof library, imported once PostgreSQL's downloads are under way: parsing it first delayed
 * PostgreSQL's start by the time it took.
 */
const proofLibrary = () => import('../proof/index.ts');

async function compile(url: string): Promise<WebAssembly.Module> {
  const response = fetch(url);
  try {
    return await WebAssembly.compileStreaming(response);
  } catch {
    return WebAssembly.compile(await (await response).arrayBuffer());
  }
}

async function blob(url: string): Promise<Blob | undefined> {
  const response = await fetch(url);
  return response.ok ? response.blob() : undefined;
}

/**
 * Starts PostgreSQL from the data directory shipped in public/ (no initdb), fetching and compiling
 * PGlite's files in parallel with it, and with PGlite's own code: imported here rather than up front,
 * the downloads start before that code is parsed. PGlite's file bundle comes gzipped from public/ too
 * (2.1 MB instead of 6.2; hosts rarely compress it, and `vite preview` did so on every request).
 * Falls back to a plain start (initdb, 5-7 s) if the dump is missing, damaged or stale, and always when the
 * worker is named `proof-initdb` (the bench's baseline). `extensionNames` are the shipped contrib
 * extensions CREATE EXTENSION may create (each costs start-up time: only what a task needs).
 */
async function startPostgres(extensionNames: readonly string[]): Promise<PGlite> {
  const pglite = import('@electric-sql/pglite');
  const extensions = extensionNames.length > 0 ? { extensions: await loadExtensions(extensionNames) } : {};
  if (scope.name === 'proof-initdb') return (await pglite).PGlite.create(extensions);
  // A host without the file may answer with its index.html (200 OK): PGlite's own copy then.
  const fileBundle = async () =>
    (await shippedFileBundle(await blob(`${import.meta.env.BASE_URL}pglite/pglite.data.gz`).catch(() => undefined))) ?? blob(pgliteDataUrl);
  // Inflated here while the WebAssembly compiles: PGlite would inflate it only if the host's
  // Content-Type said gzip (an octet-stream host sent every start to initdb), and only after everything else had arrived.
  // A damaged download (cut short) or a host's index.html leaves no data directory: initdb below, as for a missing one.
  const dataDirTar = async () => shippedDataDirTar(await blob(`${import.meta.env.BASE_URL}pglite/datadir.tar.gz`).catch(() => undefined));
  const downloads = Promise.all([pglite, compile(pgliteWasmUrl), fileBundle(), dataDirTar()]);
  proofLibrary().catch(() => undefined); // parsed while the downloads run, ready for the first proof
  const [{ PGlite }, pgliteWasmModule, fsBundle, dataDir] = await downloads;
  const assets = { pgliteWasmModule, ...(fsBundle ? { fsBundle } : {}), ...extensions };
  if (dataDir) {
    try {
      // initdb's own WebAssembly is not compiled on this path: PGlite only fetches it, and never runs it.
      return await PGlite.create({ ...assets, loadDataDir: dataDir });
    } catch (error) {
      // A stale dump only costs time: initdb below.
      console.warn('The shipped PGlite data directory could not be loaded; running initdb instead.', error);
    }
  }
  return PGlite.create({ ...assets, initdbWasmModule: await compile(initdbWasmUrl) });
}

/** PostgreSQL, a runner over it, and the fresh catalog's fingerprint, computed when a console run first needs it. */
interface Database {
  pg: PGlite;
  /** The shipped extensions this PostgreSQL was started with. */
  extensions: readonly string[];
  runner: ScriptRunner;
  fingerprint(): Promise<string>;
}

async function open(extensions: readonly string[] = []): Promise<Database> {
  const pg = await startPostgres(extensions);
  const runner = pgliteRunner(pg);
  let fingerprint: Promise<string> | undefined;
  // Proofs and traces roll back, so the catalog the console first sees is still the fresh one.
  return {
    pg,
    extensions,
    runner,
    fingerprint: () => (fingerprint ??= proofLibrary().then(({ catalogFingerprint }) => catalogFingerprint(runner))),
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

let database = open().then(
  (db) => {
    scope.postMessage({ type: 'ready' });
    return db;
  },
  (error: unknown) => {
    scope.postMessage({ type: 'startFailed', message: message(error) });
    throw error;
  },
);

/**
 * After a console run: session state is discarded, and if the user's SQL left the run's transaction
 * (a stray COMMIT) or changed the catalog anyhow, this worker's PostgreSQL is replaced by a fresh one,
 * so every run starts clean.
 */
async function cleanUpAfterConsole(escapedTransaction: boolean): Promise<void> {
  const db = await database;
  const { catalogFingerprint } = await proofLibrary();
  const isClean =
    !escapedTransaction &&
    (await db.runner
      .exec('DISCARD ALL')
      .then(() => catalogFingerprint(db.runner))
      .catch(() => '')) === (await db.fingerprint());
  if (!isClean) await replaceDatabase();
}

let replacements = 0;

/** Closes this worker's PostgreSQL and starts a fresh one from the shipped data directory, with the same extensions and `more`. */
async function replaceDatabase(more: readonly string[] = []): Promise<void> {
  replacements++;
  const old = await database;
  await old.pg.close().catch(() => undefined);
  database = open([...new Set([...old.extensions, ...more])].sort());
  await database;
}

/** The shipped extensions a task's document or script creates. */
function extensionsFor(task: WorkerTask): string[] {
  const schemas = 'schema' in task ? [task.schema] : 'from' in task ? [task.from, task.to] : [];
  const fromSchema = [...new Set(schemas.flatMap(extensionsSchemaNeeds))];
  const fromScript = 'sql' in task ? extensionsAskedFor(task.sql) : [];
  return [...fromSchema, ...fromScript];
}

async function perform(task: WorkerTask, report: (progress: ProofProgress) => void): Promise<TaskResults[WorkerTask['type']]> {
  const loaded = (await database).extensions;
  const missing = extensionsFor(task).filter((e) => !loaded.includes(e));
  // PGlite takes its extensions at start only: a document or script asking for a new one restarts it.
  if (missing.length > 0) await replaceDatabase(missing);
  const { runner, fingerprint } = await database;
  const { proveChanged, proveMigration, runConsole, traceRelationship } = await proofLibrary();
  switch (task.type) {
    case 'prove':
      // The plan first (the page marks those relationships running), then results as each batch is judged.
      // The results went in those chunks: the answer leaves them out rather than copy thousands twice to the page.
      return {
        ...(await proveChanged(runner, task.schema, {
          known: task.known ?? null,
          onPlan: (plan) => report({ plan }),
          onResults: (results) => report({ results }),
        })),
        results: [],
      };
    case 'trace':
      return traceRelationship(runner, task.schema, task.relationshipId);
    case 'proveMigration':
      return proveMigration(runner, task.from, task.to, task.migration);
    case 'import': {
      await fingerprint();
      const { importSql } = await import('../io/importSql.ts');
      try {
        return await importSql(task.sql, runner);
      } finally {
        await cleanUpAfterConsole(false);
      }
    }
    case 'console': {
      await fingerprint();
      let escaped = true;
      try {
        const result = await runConsole(runner, task.schema, task.sql);
        escaped = result.value?.escapedTransaction ?? false;
        return result;
      } finally {
        await cleanUpAfterConsole(escaped);
      }
    }
  }
}

const isPlanCheckDue = planCheckSchedule();

/**
 * PostgreSQL keeps every proof's foreign-key plans until its session ends, and PGlite's never does:
 * each proof gets slower. Past `needsFreshBackend`'s threshold this worker's PostgreSQL is replaced
 * (about half a second, after the answer was sent), so a long editing session stays as fast as its start.
 */
async function renewIfWorn(taskMs: number): Promise<void> {
  if (isPlanCheckDue(taskMs) && (await needsFreshBackend((await database).pg))) await replaceDatabase();
}

let queue: Promise<void> = Promise.resolve();

/** For `npm run bench` (read with Playwright's worker.evaluate, between tasks): PostgreSQL's memory and plans, and how often it was replaced. */
(self as unknown as { erdWorkerStats: () => Promise<{ wasmMb: number; cachedPlans: number; replacements: number }> }).erdWorkerStats = () =>
  queue.then(async () => {
    const { pg } = await database;
    return { wasmMb: Math.round(pg.Module.wasmMemory.buffer.byteLength / 2 ** 20), cachedPlans: await cachedPlanCount(pg), replacements };
  });

scope.onmessage = ({ data }) => {
  queue = queue.then(async () => {
    try {
      const started = performance.now();
      const result = await perform(data, (progress) => scope.postMessage({ type: 'progress', id: data.id, progress }));
      scope.postMessage({ type: 'done', id: data.id, result });
      if (data.type === 'prove' || data.type === 'trace' || data.type === 'proveMigration') await renewIfWorn(performance.now() - started);
    } catch (error) {
      scope.postMessage({ type: 'failed', id: data.id, message: message(error) });
    }
  });
};
