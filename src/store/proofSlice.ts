import type { StateCreator } from 'zustand';
import type { RelationshipId, Schema } from '../model/index.ts';
import type { ProofFingerprints, ProofReport } from '../proof/index.ts';
import type { EditorState } from './editorStore.ts';

/** Where the in-browser PostgreSQL is: starting up, proving, idle with a report, or broken. */
export type ProofStatus = 'starting' | 'running' | 'ready' | 'error';

/** The latest proof of the current schema, filled in by the app's worker. */
export interface ProofSlice {
  proofStatus: ProofStatus;
  proofReport: ProofReport | null;
  /** The schema the report proves: when it is not the current one, the report is stale. */
  provedSchema: Schema | null;
  /** What the report's results were proved against: the next proof proves only relationships whose fingerprint changed. Null while partial. */
  proofFingerprints: ProofFingerprints | null;
  /** Relationships the running proof proves again, whose results are not in yet (their badges say running); null when none runs. */
  proofPending: ReadonlySet<RelationshipId> | null;
  proofError: string | null;
  /** Bumped to ask for a rerun even though the schema did not change. */
  proofRequest: number;
  setProofState(
    state: Partial<Pick<ProofSlice, 'proofStatus' | 'proofReport' | 'provedSchema' | 'proofFingerprints' | 'proofPending' | 'proofError'>>,
  ): void;
  requestProof(): void;
}

export const createProofSlice: StateCreator<EditorState, [], [], ProofSlice> = (set) => ({
  proofStatus: 'starting',
  proofReport: null,
  provedSchema: null,
  proofFingerprints: null,
  proofPending: null,
  proofError: null,
  proofRequest: 0,
  setProofState: (state) => set(state),
  requestProof: () => set((s) => ({ proofRequest: s.proofRequest + 1 })),
});
