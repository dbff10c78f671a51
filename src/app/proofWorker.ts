/// <reference lib="webworker" />
import { pgliteRunner, startPglite } from '../db/index.ts';
import { runProof } from '../proof/index.ts';
import type { ProofRequest, ProofResponse } from './proofProtocol.ts';

/** PGlite and the proof runner live here, off the main thread, so the canvas never waits for PostgreSQL. */
const scope = self as unknown as { postMessage(message: ProofResponse): void; onmessage: ((event: MessageEvent<ProofRequest>) => void) | null };

const runner = startPglite().then((pg) => {
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
