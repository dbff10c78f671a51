import { create } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './documentSlice.ts';
import { createNoteActions, type NoteActions } from './noteActions.ts';
import { createProofSlice, type ProofSlice } from './proofSlice.ts';
import { createSchemaActions, type SchemaActions } from './schemaActions.ts';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice.ts';
import { createViewSlice, type ViewSlice } from './viewSlice.ts';
import { createWorkSlice, type WorkSlice } from './workSlice.ts';

/** Everything the editor holds, built from slices. */
export type EditorState = DocumentSlice & SelectionSlice & ProofSlice & SchemaActions & NoteActions & ViewSlice & WorkSlice;

/** Creates an editor store; the app uses one, tests make their own. */
export function createEditorStore() {
  return create<EditorState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createSelectionSlice(...a),
    ...createProofSlice(...a),
    ...createSchemaActions(...a),
    ...createNoteActions(...a),
    ...createViewSlice(...a),
    ...createWorkSlice(...a),
  }));
}

/** The app's store. */
export const useEditorStore = createEditorStore();
