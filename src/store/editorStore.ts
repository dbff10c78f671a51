import { create } from 'zustand';
import { bindLocalDocument } from './documentBinding.ts';
import { createClipboardSlice, type ClipboardSlice } from './clipboardSlice.ts';
import { createDocumentSlice, type DocumentSlice } from './documentSlice.ts';
import { createMigrationSlice, type MigrationSlice } from './migrationSlice.ts';
import { createNoteActions, type NoteActions } from './noteActions.ts';
import { createProofSlice, type ProofSlice } from './proofSlice.ts';
import { createSchemaActions, type SchemaActions } from './schemaActions.ts';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';
import { createVersionActions, type VersionActions } from './versionActions.ts';
import { createViewSlice, type ViewSlice } from './viewSlice.ts';
import { createWorkSlice, type WorkSlice } from './workSlice.ts';

/** Everything the editor holds, built from slices named after what they hold, and the verbs that edit the document. */
export type EditorState = DocumentSlice &
  SelectionSlice &
  ClipboardSlice &
  UiSlice &
  ViewSlice &
  ProofSlice &
  WorkSlice &
  MigrationSlice &
  SchemaActions &
  NoteActions &
  VersionActions;

/** Creates an editor store; the app uses one, tests make their own. */
export function createEditorStore() {
  const store = create<EditorState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createSelectionSlice(...a),
    ...createClipboardSlice(...a),
    ...createUiSlice(...a),
    ...createViewSlice(...a),
    ...createProofSlice(...a),
    ...createWorkSlice(...a),
    ...createMigrationSlice(...a),
    ...createSchemaActions(...a),
    ...createNoteActions(...a),
    ...createVersionActions(...a),
  }));
  bindLocalDocument(store);
  return store;
}

/** The app's store. */
export const useEditorStore = createEditorStore();
