import { useEffect, useRef } from 'react';
import { selectSchema, useEditorStore } from '../store/index.ts';
import { createProofClient, type ProofClient } from './proofClient.ts';

/** Proves the schema in the worker after every schema change (debounced) and on request; drags change no schema. */
export function useProofRunner(debounceMs = 250): void {
  const schema = useEditorStore(selectSchema);
  const requested = useEditorStore((s) => s.proofRequest);
  const client = useRef<ProofClient | null>(null);

  useEffect(() => {
    const created = createProofClient(useEditorStore.getState().setProofState);
    client.current = created;
    return () => created.dispose();
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => client.current?.request(schema), debounceMs);
    return () => clearTimeout(timer);
  }, [schema, requested, debounceMs]);
}
