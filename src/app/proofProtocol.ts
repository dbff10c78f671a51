import type { Schema } from '../model/index.ts';
import type { ProofReport } from '../proof/index.ts';

/** Messages the page sends the proof worker. */
export type ProofRequest = { type: 'prove'; id: number; schema: Schema };

/** Messages the proof worker sends back. */
export type ProofResponse =
  | { type: 'ready' }
  | { type: 'report'; id: number; report: ProofReport }
  | { type: 'failed'; id: number; message: string };
