import { useEffect } from 'react';
import { selectSchema, useEditorStore } from '../store/index.ts';
import type { ProofClient } from '../worker/proofClient.ts';

/** Proves the schema after every schema change (debounced) and on request; a drag changes no schema, so it proves nothing. */
export function useProofRunner(client: ProofClient, debounceMs = 250): void {
  const schema = useEditorStore(selectSchema);
  const requested = useEditorStore((s) => s.proofRequest);
  useEffect(() => {
    const timer = setTimeout(() => client.request(schema), debounceMs);
    return () => clearTimeout(timer);
  }, [client, schema, requested, debounceMs]);
}
