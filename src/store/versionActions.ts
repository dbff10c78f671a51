import type { StateCreator } from 'zustand';
import * as model from '../model/index.ts';
import type { ErdDocument, Version, VersionId } from '../model/index.ts';
import { documentUpdate } from './documentSlice.ts';
import type { EditorState } from './editorStore.ts';

/**
 * Named versions of the schema (what a migration starts from). Each is a document change and one
 * undo step: undo takes back a mark, a rename or a delete as it takes back an edit.
 */
export interface VersionActions {
  /** Keeps the schema as it is now under `name` (Mark as deployed…); the new version's id, or null when the name is empty or the document read-only. */
  markVersion(name: string, now?: Date): VersionId | null;
  renameVersion(id: VersionId, name: string): void;
  deleteVersion(id: VersionId): void;
}

export const createVersionActions: StateCreator<EditorState, [], [], VersionActions> = (set, get) => {
  /** Puts `versions` in the document as one recorded step; nothing when they are the same array. */
  const editVersions = (edit: (versions: readonly Version[]) => readonly Version[]): boolean => {
    const state = get();
    const before = state.document.versions ?? [];
    const versions = edit(before);
    if (versions === before) return false;
    // Absent when none, as in a document that never had any.
    const document: ErdDocument = { ...state.document, versions: [...versions] };
    if (versions.length === 0) delete document.versions;
    const update = documentUpdate(state, document, 'record');
    if (update) set(update);
    return update !== null;
  };

  return {
    markVersion(name, now = new Date()) {
      const version = model.makeVersion(name, get().document.schema, 'marked', now);
      return version && editVersions((versions) => [...versions, version]) ? version.id : null;
    },
    renameVersion: (id, name) => void editVersions((versions) => model.renameVersion(versions, id, name)),
    deleteVersion: (id) => void editVersions((versions) => model.deleteVersion(versions, id)),
  };
};
