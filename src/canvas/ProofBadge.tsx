import type { RelationshipId } from '../model/index.ts';
import type { RelationshipVerdict } from '../proof/index.ts';
import { selectIsProofCurrent, selectRelationshipVerdict, useEditorStore } from '../store/index.ts';

const looks = {
  running: { mark: '…', text: 'proof running' },
  passed: { mark: '✓', text: 'proven' },
  failed: { mark: '✗', text: 'failing' },
  notProvable: { mark: '?', text: 'not provable' },
} as const;

function counts(v: RelationshipVerdict): string {
  const total = v.passed + v.failed + v.notProvable;
  return [`${v.passed} of ${total} scenarios proven`, v.failed ? `${v.failed} failing` : '', v.notProvable ? `${v.notProvable} not provable` : ''].filter(Boolean).join(', ');
}

/** The relationship's proof at a glance (proven / failing / not provable / running); a click opens its scenarios. */
export function ProofBadge({ relationshipId }: { relationshipId: RelationshipId }) {
  const verdict = useEditorStore(selectRelationshipVerdict(relationshipId));
  const isCurrent = useEditorStore(selectIsProofCurrent);
  const showProof = useEditorStore((s) => s.showProof);
  const hasRun = useEditorStore((s) => s.proofReport !== null || s.proofStatus !== 'error');
  if (!hasRun || (isCurrent && !verdict)) return null;
  const state = !isCurrent ? 'running' : verdict!.verdict;
  const label = `Proof: ${looks[state].text}${isCurrent && verdict ? ` (${counts(verdict)})` : ''}. Open its scenarios.`;
  return (
    <button type="button" className={`proof-badge ${state}`} data-proof-badge={state} title={label} aria-label={label} onClick={() => showProof(relationshipId)}>
      {looks[state].mark}
    </button>
  );
}
