/** The editor's zustand store, its slices and named selectors: the one door into store/ for the rest of the app. */
export * from './editorStore.ts';
export * from './selectors.ts';
export * from './indexedSelectors.ts';
export * from './proofSelectors.ts';
export * from './versionSelectors.ts';
export * from './migrationSelectors.ts';
export * from './toFlow.ts';
export { coalescedCommit, flushDrafts, type CoalescedCommit } from './draftCommits.ts';
export { gridSize, type SearchHit } from './viewSlice.ts';
export type { Selection } from './selectionSlice.ts';
export type { RenameAnswer } from './migrationSlice.ts';
export type { OpenDialog, SidebarTab, ThemePreference } from './uiSlice.ts';
export type { ConnectOptions } from './schemaActions.ts';
export type { UndoPolicy } from './history.ts';
export { bindStoreToYDoc, bindLocalDocument, repairNoticeId, type DocumentBinding, type BindingOptions } from './documentBinding.ts';
export type { ProofSlice, ProofStatus } from './proofSlice.ts';
export type { ImportDraft, NoticeAction, SaveStatus, WorkNotice } from './workSlice.ts';
