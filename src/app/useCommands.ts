import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useAddNote, useAddTable } from '../canvas/DiagramCanvas.tsx';
import { useEditorStore, type EditorState } from '../store/index.ts';
import type { Command } from './commands.ts';
import { useViewCommands } from './useViewCommands.ts';
import { fileCommands } from './fileCommands.ts';
import { versionCommands } from './versionCommands.ts';
import { exportCommands } from './exportCommands.ts';
import { liveCommands } from './liveCommands.ts';

const store = () => useEditorStore.getState();
const hasTables = (s: EditorState) => s.document.schema.tables.length > 0;
const isRelationshipSelected = (s: EditorState) => s.selection?.kind === 'relationship';

/** Every command of the editor, built once per canvas instance: the toolbar, palette, shortcuts sheet and keys read this list. */
export function useCommands(): Command[] {
  const flow = useReactFlow();
  const addTable = useAddTable();
  const addNote = useAddNote();
  const viewCommands = useViewCommands();
  return useMemo<Command[]>(() => {
    return [
      ...fileCommands,
      ...versionCommands,
      ...exportCommands,
      ...liveCommands,
      {
        id: 'edit.undo',
        label: 'Undo',
        group: 'Edit',
        shortcuts: ['Mod+Z'],
        inToolbar: true,
        isEnabled: (s) => s.undoDepth > 0,
        run: () => store().undo(),
      },
      {
        id: 'edit.redo',
        label: 'Redo',
        group: 'Edit',
        shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
        inToolbar: true,
        isEnabled: (s) => s.redoDepth > 0,
        run: () => store().redo(),
      },
      {
        id: 'edit.delete',
        label: 'Delete the selection',
        group: 'Edit',
        shortcuts: ['Delete'],
        hint: 'Deletes the selected table (with its relationships) or relationship',
        isEnabled: (s) => s.selection !== null,
        run: () => store().deleteSelection(),
      },
      {
        id: 'edit.copy',
        label: 'Copy the selected tables',
        group: 'Edit',
        shortcuts: ['Mod+C'],
        isEnabled: (s) => s.selectedTableIds.length > 0,
        run: () => store().copySelection(),
      },
      {
        id: 'edit.paste',
        label: 'Paste tables',
        group: 'Edit',
        shortcuts: ['Mod+V'],
        isEnabled: (s) => s.clipboard !== null,
        run: () => store().paste(),
      },
      {
        id: 'edit.duplicate',
        label: 'Duplicate the selected tables',
        group: 'Edit',
        shortcuts: ['Mod+D'],
        isEnabled: (s) => s.selectedTableIds.length > 0,
        run: () => store().duplicateSelection(),
      },
      {
        id: 'edit.selectAll',
        label: 'Select all tables',
        group: 'Edit',
        shortcuts: ['Mod+A'],
        isEnabled: hasTables,
        run: () => store().selectTables(store().document.schema.tables.map((t) => t.id)),
      },
      { id: 'diagram.addTable', label: 'Add a table', group: 'Diagram', shortcuts: ['T'], run: addTable },
      { id: 'diagram.addNote', label: 'Add a sticky note', group: 'Diagram', shortcuts: ['N'], run: addNote },
      {
        id: 'diagram.connect',
        label: 'Connect two tables…',
        toolbarLabel: 'Connect…',
        group: 'Diagram',
        shortcuts: ['C'],
        inToolbar: true,
        hint: 'Create a relationship with the keyboard: tables, both ends, the one-to-one strategy',
        isEnabled: hasTables,
        run: () => store().openDialog({ kind: 'connect' }),
      },
      {
        id: 'view.fit',
        label: 'Fit the diagram in view',
        group: 'View',
        shortcuts: ['F'],
        run: () => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 200 }),
      },
      { id: 'view.zoomIn', label: 'Zoom in', group: 'View', shortcuts: ['+', '='], run: () => void flow.zoomIn({ duration: 150 }) },
      { id: 'view.zoomOut', label: 'Zoom out', group: 'View', shortcuts: ['-'], run: () => void flow.zoomOut({ duration: 150 }) },
      ...viewCommands,
      { id: 'view.proof', label: 'Show the proof', group: 'View', shortcuts: ['Alt+1'], run: () => store().showProof(null) },
      { id: 'view.ddl', label: 'Show the DDL', group: 'View', shortcuts: ['Alt+2'], run: () => store().showTab('ddl') },
      {
        id: 'view.migration',
        label: 'Show the migration from a version',
        group: 'View',
        shortcuts: ['Alt+4'],
        run: () => store().showTab('migration'),
      },
      { id: 'view.console', label: 'Open the SQL console', group: 'View', shortcuts: ['Alt+3'], run: () => store().showTab('console') },
      {
        id: 'view.sidebar',
        label: 'Show or hide the sidebar',
        group: 'View',
        shortcuts: ['Mod+\\'],
        worksInTextFields: true,
        run: () => store().toggleSidebar(),
      },
      { id: 'view.themeLight', label: 'Light theme', group: 'View', run: () => store().setTheme('light') },
      { id: 'view.themeDark', label: 'Dark theme', group: 'View', run: () => store().setTheme('dark') },
      { id: 'view.themeSystem', label: 'Theme of the system', group: 'View', run: () => store().setTheme('system') },
      { id: 'proof.run', label: 'Run the proof again', group: 'Proof', run: () => store().requestProof() },
      {
        id: 'proof.stepThrough',
        label: 'Step through the selected relationship',
        group: 'Proof',
        isEnabled: isRelationshipSelected,
        run: () => {
          const { selection } = store();
          if (selection?.kind === 'relationship') store().openDialog({ kind: 'stepThrough', relationshipId: selection.id });
        },
      },
      {
        id: 'help.palette',
        label: 'Command palette',
        group: 'Help',
        shortcuts: ['Mod+K'],
        worksInTextFields: true,
        run: () => store().openDialog({ kind: 'palette' }),
      },
      {
        id: 'help.shortcuts',
        label: 'Keyboard shortcuts',
        toolbarLabel: 'Shortcuts',
        group: 'Help',
        shortcuts: ['?'],
        inToolbar: true,
        run: () => store().openDialog({ kind: 'shortcuts' }),
      },
    ];
  }, [flow, addTable, addNote, viewCommands]);
}
