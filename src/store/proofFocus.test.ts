import { describe, expect, it } from 'vitest';
import { emptySchema } from '../model/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { createEditorStore } from './editorStore.ts';
import { selectProofFocus } from './proofSelectors.ts';

describe('the Proof tab on one relationship', () => {
  it('shows all again when another document opens, even one with the same relationship ids', () => {
    const store = createEditorStore();
    store.getState().loadDocument(exampleDocument());
    const [rel] = store.getState().document.schema.relationships;
    store.getState().showProof(rel!.id);
    expect(selectProofFocus(store.getState())).toBe(rel!.id);
    store.getState().loadDocument({ ...exampleDocument(), schema: emptySchema });
    expect(selectProofFocus(store.getState())).toBeNull();
    store.getState().loadDocument(exampleDocument());
    expect(store.getState().proofFocus).toBeNull();
  });

  it('ignores a focus on a relationship the document no longer has, and finds it again when undo brings it back', () => {
    const store = createEditorStore();
    store.getState().loadDocument(exampleDocument());
    const [rel] = store.getState().document.schema.relationships;
    store.getState().showProof(rel!.id);
    store.getState().deleteRelationship(rel!.id);
    expect(selectProofFocus(store.getState())).toBeNull();
    store.getState().undo();
    expect(selectProofFocus(store.getState())).toBe(rel!.id);
  });
});
