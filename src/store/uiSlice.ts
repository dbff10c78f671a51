import type { StateCreator } from 'zustand';
import { defaultDdlOptions, type DdlOptions } from '../ddl/index.ts';
import type { RelationshipId } from '../model/index.ts';
import { selectionUpdate, selectOnly } from './selectionSlice.ts';
import type { EditorState } from './editorStore.ts';

/**
 * The one dialog open over the editor, if any: the editor's own (palette, shortcuts, connect, image export,
 * the step-through of one relationship) and those about keeping work (documents, with the open one's name
 * being edited when renaming; templates; import; export as text; marking a version, and the list of versions).
 */
export type OpenDialog =
  | { kind: 'palette' }
  | { kind: 'shortcuts' }
  | { kind: 'connect' }
  | { kind: 'exportImage'; format: 'png' | 'svg' }
  | { kind: 'stepThrough'; relationshipId: RelationshipId }
  | { kind: 'documents'; isRenaming?: boolean }
  | { kind: 'templates' }
  | { kind: 'import' }
  | { kind: 'exportText' }
  | { kind: 'markVersion' }
  | { kind: 'versions' }
  | null;

/** Light, dark, or whatever the system says. */
export type ThemePreference = 'system' | 'light' | 'dark';

/** The tabs under the inspector. */
export type SidebarTab = 'proof' | 'ddl' | 'migration' | 'console';

/** The editor's chrome and preferences: theme, panel sizes, sidebar tab, the open dialog, DDL options, the console's text; never on the undo stack. */
export interface UiSlice {
  /** How the DDL panel and downloads format the script. */
  ddlOptions: DdlOptions;
  sidebarTab: SidebarTab;
  /** The relationship whose scenarios the Proof tab shows, or null for all. */
  proofFocus: RelationshipId | null;
  /** The SQL console's text, kept while the user switches tabs (never part of the document); null until typed in. */
  consoleSql: string | null;
  dialog: OpenDialog;
  theme: ThemePreference;
  /** The sidebar's width and the inspector's height in it, in pixels; the sidebar can be hidden. */
  panelSizes: { sidebarWidth: number; inspectorHeight: number; isSidebarOpen: boolean };
  setDdlOptions(options: Partial<DdlOptions>): void;
  showTab(tab: SidebarTab): void;
  /** Opens the Proof tab on one relationship's scenarios (a canvas badge) or on all of them. */
  showProof(relationshipId: RelationshipId | null): void;
  setConsoleSql(sql: string): void;
  /** Opens a dialog over the editor, in place of any other. */
  openDialog(dialog: NonNullable<OpenDialog>): void;
  closeDialog(): void;
  setTheme(theme: ThemePreference): void;
  setPanelSizes(sizes: Partial<UiSlice['panelSizes']>): void;
  toggleSidebar(): void;
}

/** The editor chrome's state and its setters: never part of the document, never undone. */
export const createUiSlice: StateCreator<EditorState, [], [], UiSlice> = (set, get) => ({
  ddlOptions: defaultDdlOptions,
  sidebarTab: 'proof',
  proofFocus: null,
  consoleSql: null,
  dialog: null,
  theme: 'system',
  panelSizes: { sidebarWidth: 460, inspectorHeight: 380, isSidebarOpen: true },
  setPanelSizes: (sizes) => set((s) => ({ panelSizes: { ...s.panelSizes, ...sizes } })),
  toggleSidebar: () => set((s) => ({ panelSizes: { ...s.panelSizes, isSidebarOpen: !s.panelSizes.isSidebarOpen } })),
  setDdlOptions: (options) => set((s) => ({ ddlOptions: { ...s.ddlOptions, ...options } })),
  showTab: (sidebarTab) => set({ sidebarTab }),
  showProof: (relationshipId) =>
    set({
      sidebarTab: 'proof',
      proofFocus: relationshipId,
      ...(relationshipId && selectionUpdate(get(), selectOnly({ kind: 'relationship', id: relationshipId }))),
    }),
  setConsoleSql: (consoleSql) => set({ consoleSql }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setTheme: (theme) => set({ theme }),
});
