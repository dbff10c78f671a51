import type { StateCreator } from 'zustand';
import type { VersionId } from '../model/index.ts';
import type { EditorState } from './editorStore.ts';

/** The user's answer to a proposed rename: confirmed makes it a rename, rejected keeps the drop and the add. */
export type RenameAnswer = 'confirmed' | 'rejected';

/**
 * What the Migration tab shows: the version it starts from and the answers to proposed renames, per
 * base version (a proposal means something only against its base). Editor state, never part of the
 * document and never undone.
 */
export interface MigrationSlice {
  /** The version picked as the base; null (or a version since deleted) means the default one. */
  migrationBaseId: VersionId | null;
  /** Per base version, each answered proposal's `renameKey` and its answer. */
  renameAnswers: Partial<Record<VersionId, Readonly<Record<string, RenameAnswer>>>>;
  chooseMigrationBase(id: VersionId | null): void;
  /** Records (or, with null, takes back) the answer to one proposal against one base version. */
  answerRename(baseId: VersionId, key: string, answer: RenameAnswer | null): void;
}

/** The Migration tab's choices and their setters. */
export const createMigrationSlice: StateCreator<EditorState, [], [], MigrationSlice> = (set) => ({
  migrationBaseId: null,
  renameAnswers: {},
  chooseMigrationBase: (migrationBaseId) => set({ migrationBaseId }),
  answerRename: (baseId, key, answer) =>
    set((s) => {
      const others = Object.fromEntries(Object.entries(s.renameAnswers[baseId] ?? {}).filter(([k]) => k !== key));
      return { renameAnswers: { ...s.renameAnswers, [baseId]: answer ? { ...others, [key]: answer } : others } };
    }),
});
