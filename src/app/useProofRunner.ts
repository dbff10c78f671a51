import { useEffect, useRef } from 'react';
import { selectSchema, useEditorStore } from '../store/index.ts';
import type { KnownProof, ProofClient } from '../worker/proofClient.ts';

/** The store's results with the fingerprints they stand on, read when a proof starts: it proves only what changed since. */
function knownProof(): KnownProof | null {
  const { proofReport, proofFingerprints } = useEditorStore.getState();
  return proofReport && proofFingerprints ? { results: proofReport.results, fingerprints: proofFingerprints } : null;
}

/**
 * Proves the schema after every schema change (debounced), only what changed since the known results;
 * an explicit request proves everything again. A drag changes no schema, so it proves nothing.
 */
export function useProofRunner(client: ProofClient, debounceMs = 250): void {
  const schema = useEditorStore(selectSchema);
  const requested = useEditorStore((s) => s.proofRequest);
  const lastRequest = useRef(requested);
  useEffect(() => {
    const isRerun = lastRequest.current !== requested;
    lastRequest.current = requested;
    const timer = setTimeout(() => client.request(schema, isRerun ? () => null : knownProof), debounceMs);
    return () => clearTimeout(timer);
  }, [client, schema, requested, debounceMs]);
}
