/// <reference lib="webworker" />
import { PGlite } from '@electric-sql/pglite';
import pgliteWasmUrl from '@electric-sql/pglite/pglite.wasm?url';
import initdbWasmUrl from '@electric-sql/pglite/initdb.wasm?url';
import pgliteDataUrl from '@electric-sql/pglite/pglite.data?url';
import { pgliteRunner } from '../db/index.ts';
import { runProof } from '../proof/index.ts';
import type { ProofRequest, ProofResponse } from './proofProtocol.ts';

/** PGlite and the proof runner live here, off the main thread, so the canvas never waits for PostgreSQL. */
const scope = self as unknown as { name: string; postMessage(message: ProofResponse): void; onmessage: ((event: MessageEvent<ProofRequest>) => void) | null };

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
 * PGlite's files in parallel with it. Falls back to a plain start (initdb, 5-7 s) if the dump is
 * missing or stale, and always when the worker is named `proof-initdb` (the bench's baseline).
 */
async function startPostgres(): Promise<PGlite> {
  if (scope.name === 'proof-initdb') return PGlite.create();
  const [pgliteWasmModule, initdbWasmModule, fsBundle, dataDir] = await Promise.all([
    compile(pgliteWasmUrl),
    compile(initdbWasmUrl),
    blob(pgliteDataUrl),
    blob(`${import.meta.env.BASE_URL}pglite/datadir.tar.gz`).catch(() => undefined),
  ]);
  const assets = { pgliteWasmModule, initdbWasmModule, ...(fsBundle ? { fsBundle } : {}) };
  if (dataDir) {
    try {
      return await PGlite.create({ ...assets, loadDataDir: dataDir });
    } catch (error) {
      // A stale dump only costs time: initdb below.
      console.warn('The shipped PGlite data directory could not be loaded; running initdb instead.', error);
    }
  }
  return PGlite.create(assets);
}

const runner = startPostgres().then((pg) => {
  scope.postMessage({ type: 'ready' });
  return pgliteRunner(pg);
});

let queue: Promise<void> = Promise.resolve();

scope.onmessage = ({ data }) => {
  queue = queue.then(async () => {
    try {
      const report = await runProof(await runner, data.schema);
      scope.postMessage({ type: 'report', id: data.id, report });
    } catch (error) {
      scope.postMessage({ type: 'failed', id: data.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
};
