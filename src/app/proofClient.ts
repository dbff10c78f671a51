import type { Schema } from '../model/index.ts';
import type { ProofSlice } from '../store/proofSlice.ts';
import type { ProofRequest, ProofResponse } from './proofProtocol.ts';

/** Talks to the proof worker: one proof at a time, only the latest schema, stale results dropped. */
export interface ProofClient {
  request(schema: Schema): void;
  dispose(): void;
}

type ProofState = Parameters<ProofSlice['setProofState']>[0];

/** Starts the worker (PGlite begins its start-up at once) and reports progress through `onState`. */
export function createProofClient(onState: (state: ProofState) => void): ProofClient {
  const worker = new Worker(new URL('./proofWorker.ts', import.meta.url), { type: 'module', name: 'proof' });
  let isReady = false;
  let inFlight: number | null = null;
  let pending: Schema | null = null;
  let nextId = 0;

  const pump = () => {
    if (!isReady || inFlight !== null || pending === null) return;
    inFlight = ++nextId;
    const message: ProofRequest = { type: 'prove', id: inFlight, schema: pending };
    pending = null;
    onState({ proofStatus: 'running' });
    worker.postMessage(message);
  };

  worker.onmessage = ({ data }: MessageEvent<ProofResponse>) => {
    if (data.type === 'ready') {
      isReady = true;
      onState({ proofStatus: 'ready' });
      pump();
      return;
    }
    if (data.id !== inFlight) return;
    inFlight = null;
    if (pending !== null) {
      pump();
      return;
    }
    if (data.type === 'report') onState({ proofStatus: 'ready', proofReport: data.report, proofError: null });
    else onState({ proofStatus: 'ready', proofError: `The proof could not run: ${data.message}` });
  };
  worker.onerror = (event) => onState({ proofStatus: 'error', proofError: `PostgreSQL's worker stopped: ${event.message || 'unknown error'}` });

  return {
    request(schema) {
      pending = schema;
      pump();
    },
    dispose() {
      worker.terminate();
    },
  };
}
