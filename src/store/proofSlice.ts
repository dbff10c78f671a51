import type { StateCreator } from 'zustand';
import type { Schema } from '../model/index.ts';
import type { ProofReport } from '../proof/index.ts';
import type { EditorState } from './editorStore.ts';

/** Where the in-browser PostgreSQL is: starting up, proving, idle with a report, or broken. */
export type ProofStatus = 'starting' | 'running' | 'ready' | 'error';

/** The latest proof of the current schema, filled in by the app's worker. */
export interface ProofSlice {
  proofStatus: ProofStatus;
  proofReport: ProofReport | null;
  /** The schema the report proves: when it is not the current one, the report is stale. */
  provedSchema: Schema | null;
  proofError: string | null;
  /** Bumped to ask for a rerun even though the schema did not change. */
  proofRequest: number;
  setProofState(state: Partial<Pick<ProofSlice, 'proofStatus' | 'proofReport' | 'provedSchema' | 'proofError'>>): void;
  requestProof(): void;
}

export const createProofSlice: StateCreator<EditorState, [], [], ProofSlice> = (set) => ({
  proofStatus: 'starting',
  proofReport: null,
  provedSchema: null,
  proofError: null,
  proofRequest: 0,
  setProofState: (state) => set(state),
  requestProof: () => set((s) => ({ proofRequest: s.proofRequest + 1 })),
});
