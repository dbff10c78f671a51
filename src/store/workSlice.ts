import type { StateCreator } from 'zustand';
import type { EditorState } from './editorStore.ts';
import type { ImportProblem } from '../io/importDocument.ts';

/**
 * Where the open document stands against the browser's copy: being read at start, saved, changed
 * since, being written, a write that failed, or a newer copy from another tab that this tab must
 * not overwrite; or a document from a newer editor, only looked at and never written.
 */
export type SaveStatus = 'loading' | 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict' | 'readOnly';

/** A button on a notice. */
export interface NoticeAction {
  label: string;
  run(): void;
}

/** A non-blocking message about keeping work (a failed write, another tab's save, an undoable delete). */
export interface WorkNotice {
  /** A notice with the same id replaces the old one. */
  id: string;
  tone: 'error' | 'warning' | 'info';
  text: string;
  actions?: NoticeAction[];
}

/** What the import dialog holds: kept in the store so closing the dialog never loses a pasted script. */
export interface ImportDraft {
  fileName: string;
  text: string;
  problem: ImportProblem | null;
}

/** Which stored document is open and how its saving goes; the storage itself lives in keeping/. */
export interface WorkSlice {
  documentId: string | null;
  documentName: string;
  saveStatus: SaveStatus;
  notices: WorkNotice[];
  importDraft: ImportDraft;
  /** Opens the import dialog, with a file's text and why it failed when a dropped file could not be imported. */
  openImport(draft?: ImportDraft): void;
  editImportDraft(patch: Partial<ImportDraft>): void;
  setWork(patch: Partial<Pick<WorkSlice, 'documentId' | 'documentName' | 'saveStatus'>>): void;
  showNotice(notice: WorkNotice): void;
  dismissNotice(id: string): void;
}

/** The slice's state and setters; what they mean is decided in keeping/ (the keeper), not here. */
export const createWorkSlice: StateCreator<EditorState, [], [], WorkSlice> = (set) => ({
  documentId: null,
  documentName: '',
  saveStatus: 'loading',
  notices: [],
  importDraft: { fileName: '', text: '', problem: null },
  openImport: (draft) => set((s) => ({ dialog: { kind: 'import' }, importDraft: draft ?? s.importDraft })),
  editImportDraft: (patch) => set((s) => ({ importDraft: { ...s.importDraft, ...patch } })),
  setWork: (patch) => set(patch),
  showNotice: (notice) => set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
