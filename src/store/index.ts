/** The editor's zustand store, its slices and named selectors. */
export * from './editorStore.ts';
export * from './selectors.ts';
export * from './toFlow.ts';
export type { OpenDialog, Selection, SidebarTab, ThemePreference } from './selectionSlice.ts';
export type { ConnectOptions } from './schemaActions.ts';
export type { ProofStatus } from './proofSlice.ts';
export type { ImportDraft, ImportProblem } from './workSlice.ts';
