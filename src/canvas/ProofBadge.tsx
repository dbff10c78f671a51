import type { RelationshipId } from '../model/index.ts';
import type { RelationshipVerdict } from '../proof/index.ts';
import { selectIsProofCurrent, selectRelationshipVerdict, useEditorStore, type EditorState } from '../store/index.ts';

const looks = {
  running: { mark: '…', text: 'proof running' },
  passed: { mark: '✓', text: 'proven' },
  failed: { mark: '✗', text: 'failing' },
  notProvable: { mark: '?', text: 'not provable' },
} as const;

type BadgeState = keyof typeof looks;

/**
 * The badge to show: "running" while the proof proves this relationship again, else its latest verdict
 * (an edit elsewhere keeps it), "running" while a first verdict is due, nothing when the proof stopped or has no scenarios here.
 */
const selectBadge =
  (id: RelationshipId) =>
  (s: EditorState): BadgeState | null => {
    // A stopped or crashed proof will not come back by itself: no badge until one runs again.
    if (s.proofStatus === 'error' || s.proofError) return null;
    if (s.proofPending?.has(id)) return 'running';
    const verdict = selectRelationshipVerdict(id)(s)?.verdict;
    if (verdict) return verdict;
    return selectIsProofCurrent(s) ? null : 'running';
  };

function counts(v: RelationshipVerdict): string {
  const total = v.passed + v.failed + v.notProvable;
  return [
    `${v.passed} of ${total} scenarios proven`,
    v.failed ? `${v.failed} failing` : '',
    v.notProvable ? `${v.notProvable} not provable` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** The relationship's proof at a glance (proven / failing / not provable / running); a click opens its scenarios. */
export function ProofBadge({ relationshipId }: { relationshipId: RelationshipId }) {
  const state = useEditorStore(selectBadge(relationshipId));
  const verdict = useEditorStore(selectRelationshipVerdict(relationshipId));
  const showProof = useEditorStore((s) => s.showProof);
  if (!state) return null;
  const label = `Proof: ${looks[state].text}${state !== 'running' && verdict ? ` (${counts(verdict)})` : ''}. Open its scenarios.`;
  return (
    <button
      type="button"
      className={`proof-badge ${state}`}
      data-proof-badge={state}
      title={label}
      aria-label={label}
      onClick={() => showProof(relationshipId)}
    >
      {looks[state].mark}
    </button>
  );
}
