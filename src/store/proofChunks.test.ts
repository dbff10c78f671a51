import { describe, expect, it } from 'vitest';
import type { RelationshipId } from '../model/index.ts';
import type { ScenarioResult } from '../proof/index.ts';
import { createEditorStore } from './editorStore.ts';
import { selectProvedRelationshipIds, selectScenariosOf } from './proofSelectors.ts';
import { selectRelationshipVerdict } from './selectors.ts';

const result = (relationshipId: RelationshipId, verdict: ScenarioResult['verdict']) => ({ relationshipId, verdict }) as ScenarioResult;

describe('proof results arriving in chunks', () => {
  it('keeps the lists and verdicts of relationships whose results did not change, so only the changed ones redraw', () => {
    const store = createEditorStore();
    const [a, b] = ['rel_a' as RelationshipId, 'rel_b' as RelationshipId];
    const kept = [result(a, 'passed'), result(a, 'passed')];
    store.getState().setProofState({ proofReport: { problems: [], results: [...kept, result(b, 'passed')] } });
    const before = {
      list: selectScenariosOf(a)(store.getState()),
      ids: selectProvedRelationshipIds(store.getState()),
      verdict: selectRelationshipVerdict(a)(store.getState()),
      other: selectRelationshipVerdict(b)(store.getState()),
    };
    store.getState().setProofState({ proofReport: { problems: [], results: [...kept, result(b, 'failed')] }, proofPending: new Set([b]) });
    const s = store.getState();
    expect(selectScenariosOf(a)(s)).toBe(before.list);
    expect(selectProvedRelationshipIds(s)).toBe(before.ids);
    expect(selectRelationshipVerdict(a)(s)).toBe(before.verdict);
    expect(selectRelationshipVerdict(b)(s)).not.toBe(before.other);
    expect(selectRelationshipVerdict(b)(s)?.verdict).toBe('failed');
    expect(s.proofPending?.has(b)).toBe(true);
  });
});
