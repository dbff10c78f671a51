import type { ProofSlice } from '../store/index.ts';
import { createProofClient, defaultProofTimeLimitMs } from '../worker/proofClient.ts';

type ProofState = Parameters<ProofSlice['setProofState']>[0];

/** Milliseconds since navigation when PostgreSQL was ready and when the first proof arrived, for `npm run bench`. */
const timings: { postgresReady?: number; firstProof?: number } = {};
const parameters = new URLSearchParams(location.search);

/** Proof states that arrive before the editor has loaded wait here. */
let deliver: (state: ProofState) => void;
const early: ProofState[] = [];
deliver = (state) => early.push(state);

/**
 * The entry is kept tiny and starts PostgreSQL's worker first, so it boots while the editor's code
 * downloads. `?proofTimeLimitMs=` shortens the time limit and `?pgliteStart=initdb` skips the
 * shipped data directory (bench and tests).
 */
const proofClient = createProofClient(
  (state) => {
    // Ready, or already running the first proof (queued while PostgreSQL started): either way it is up.
    if ((state.proofStatus === 'ready' || state.proofStatus === 'running') && timings.postgresReady === undefined)
      timings.postgresReady = performance.now();
    if (state.proofReport && timings.firstProof === undefined) timings.firstProof = performance.now();
    deliver(state);
  },
  {
    timeLimitMs: Number(parameters.get('proofTimeLimitMs')) || defaultProofTimeLimitMs,
    coldStart: parameters.get('pgliteStart') === 'initdb',
  },
);

const { startEditor } = await import('./startEditor.tsx');
deliver = startEditor(proofClient, timings);
for (const state of early) deliver(state);
