import type { Schema } from '../model/index.ts';
import type { ProofSlice } from '../store/proofSlice.ts';
import type { ProofRequest, ProofResponse } from './proofProtocol.ts';

/** Talks to the proof worker: one proof at a time, only the latest schema, stale results dropped. */
export interface ProofClient {
  request(schema: Schema): void;
  dispose(): void;
}

type ProofState = Parameters<ProofSlice['setProofState']>[0];

/** How long one proof may run before the worker is stopped and PostgreSQL restarted. */
export const defaultProofTimeLimitMs = 20_000;

/**
 * Starts the worker at once (PGlite begins its start-up while the page loads) and reports through
 * `onState`. A proof past the time limit is stopped by terminating the worker, reported, and a fresh
 * worker takes over.
 */
export function createProofClient(
  onState: (state: ProofState) => void,
  { timeLimitMs = defaultProofTimeLimitMs, coldStart = false }: { timeLimitMs?: number; coldStart?: boolean } = {},
): ProofClient {
  let worker: Worker;
  let isReady = false;
  let inFlight: { id: number; schema: Schema; timer: ReturnType<typeof setTimeout> } | null = null;
  let pending: Schema | null = null;
  let nextId = 0;

  const pump = () => {
    if (!isReady || inFlight !== null || pending === null) return;
    const schema = pending;
    const id = ++nextId;
    pending = null;
    inFlight = { id, schema, timer: setTimeout(() => handleTimeout(id), timeLimitMs) };
    onState({ proofStatus: 'running' });
    worker.postMessage({ type: 'prove', id, schema } satisfies ProofRequest);
  };

  const handleTimeout = (id: number) => {
    if (inFlight?.id !== id) return;
    inFlight = null;
    worker.terminate();
    onState({
      proofStatus: 'starting',
      proofReport: null,
      provedSchema: null,
      proofError: `The proof ran past ${Math.round(timeLimitMs / 1000)} s and was stopped; PostgreSQL is restarting.`,
    });
    start();
  };

  const handleMessage = ({ data }: MessageEvent<ProofResponse>) => {
    if (data.type === 'ready') {
      isReady = true;
      onState({ proofStatus: 'ready' });
      pump();
      return;
    }
    if (data.id !== inFlight?.id) return;
    clearTimeout(inFlight.timer);
    const { schema } = inFlight;
    inFlight = null;
    if (pending !== null) {
      pump();
      return;
    }
    if (data.type === 'report') onState({ proofStatus: 'ready', proofReport: data.report, provedSchema: schema, proofError: null });
    else onState({ proofStatus: 'ready', proofError: `The proof could not run: ${data.message}` });
  };

  const start = () => {
    isReady = false;
    worker = new Worker(new URL('./proofWorker.ts', import.meta.url), { type: 'module', name: coldStart ? 'proof-initdb' : 'proof' });
    worker.onmessage = handleMessage;
    worker.onerror = (event) => onState({ proofStatus: 'error', proofError: `PostgreSQL's worker stopped: ${event.message || 'unknown error'}` });
  };

  start();
  return {
    request(schema) {
      pending = schema;
      pump();
    },
    dispose() {
      if (inFlight) clearTimeout(inFlight.timer);
      worker.terminate();
    },
  };
}
