import type { StateCreator } from 'zustand';
import { defaultDdlOptions, type DdlOptions } from '../ddl/index.ts';
import type { Fragment, RelationshipId, TableId } from '../model/index.ts';
import { toTableNodes } from './toFlow.ts';
import type { EditorState } from './editorStore.ts';

/** What the inspector shows. */
export type Selection = { kind: 'table'; id: TableId } | { kind: 'relationship'; id: RelationshipId } | null;

/** The dialog open over the editor, if any (the step-through has its own state). */
export type OpenDialog = 'palette' | 'shortcuts' | 'connect' | 'exportPng' | 'exportSvg' | null;

/** Light, dark, or whatever the system says. */
export type ThemePreference = 'system' | 'light' | 'dark';

/** The tabs under the inspector. */
export type SidebarTab = 'proof' | 'ddl' | 'console';

/** The current selection and view preferences; never on the undo stack. */
export interface SelectionSlice {
  /** What the inspector shows: the table or relationship clicked last. */
  selection: Selection;
  /** Every selected table (shift-click, selection box): what copy, duplicate and delete act on. */
  selectedTableIds: TableId[];
  /** How the DDL panel and downloads format the script. */
  ddlOptions: DdlOptions;
  sidebarTab: SidebarTab;
  /** The relationship whose scenarios the Proof tab shows, or null for all. */
  proofFocus: RelationshipId | null;
  /** The relationship being stepped through, statement by statement, or null. */
  stepThroughId: RelationshipId | null;
  /** The SQL console's text, kept while the user switches tabs (never part of the document); null until typed in. */
  consoleSql: string | null;
  dialog: OpenDialog;
  theme: ThemePreference;
  /** The sidebar's width and the inspector's height in it, in pixels; the sidebar can be hidden. */
  panelSizes: { sidebarWidth: number; inspectorHeight: number; isSidebarOpen: boolean };
  /** Tables copied with Ctrl/Cmd+C, and how many times they were pasted (each paste lands a step further). */
  clipboard: { fragment: Fragment; pastes: number } | null;
  select(selection: Selection): void;
  /** Sets the selected tables (from the canvas); the inspector shows the last one. */
  selectTables(tableIds: TableId[]): void;
  setDdlOptions(options: Partial<DdlOptions>): void;
  showTab(tab: SidebarTab): void;
  /** Opens the Proof tab on one relationship's scenarios (a canvas badge) or on all of them. */
  showProof(relationshipId: RelationshipId | null): void;
  stepThrough(relationshipId: RelationshipId | null): void;
  setConsoleSql(sql: string): void;
  openDialog(dialog: OpenDialog): void;
  setTheme(theme: ThemePreference): void;
  setPanelSizes(sizes: Partial<SelectionSlice['panelSizes']>): void;
  toggleSidebar(): void;
}

export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set, get) => ({
  selection: null,
  selectedTableIds: [],
  ddlOptions: defaultDdlOptions,
  sidebarTab: 'proof',
  proofFocus: null,
  stepThroughId: null,
  consoleSql: null,
  dialog: null,
  theme: 'system',
  clipboard: null,
  panelSizes: { sidebarWidth: 460, inspectorHeight: 380, isSidebarOpen: true },
  setPanelSizes: (sizes) => set((s) => ({ panelSizes: { ...s.panelSizes, ...sizes } })),
  toggleSidebar: () => set((s) => ({ panelSizes: { ...s.panelSizes, isSidebarOpen: !s.panelSizes.isSidebarOpen } })),
  setDdlOptions: (options) => set((s) => ({ ddlOptions: { ...s.ddlOptions, ...options } })),
  // A new selection ends a typing run: the next keystrokes are a new undo step (lastMergeKey).
  select(selection) {
    const selectedTableIds = selection?.kind === 'table' ? [selection.id] : [];
    set({ selection, selectedTableIds, lastMergeKey: null, nodes: toTableNodes(get().document, get().nodes, selectedTableIds) });
  },
  selectTables(tableIds) {
    const last = tableIds.at(-1);
    const { selection } = get();
    set({
      selectedTableIds: tableIds,
      selection: last ? { kind: 'table', id: last } : selection?.kind === 'relationship' ? selection : null,
      lastMergeKey: null,
      nodes: toTableNodes(get().document, get().nodes, tableIds),
    });
  },
  showTab: (sidebarTab) => set({ sidebarTab }),
  showProof(relationshipId) {
    set({ sidebarTab: 'proof', proofFocus: relationshipId });
    if (relationshipId) get().select({ kind: 'relationship', id: relationshipId });
  },
  stepThrough: (stepThroughId) => set({ stepThroughId }),
  setConsoleSql: (consoleSql) => set({ consoleSql }),
  openDialog: (dialog) => set({ dialog }),
  setTheme: (theme) => set({ theme }),
});
