import { useEditorStore, type EditorState } from '../store/index.ts';
import type { Command } from './commands.ts';

const store = () => useEditorStore.getState();
const hasDrawing = (s: EditorState) => s.document.schema.tables.length > 0 || (s.document.notes?.length ?? 0) > 0;

/** Images of the diagram for READMEs and slides; spread into the editor's one command list. */
export const exportCommands: Command[] = [
  {
    id: 'file.exportPng',
    label: 'Export PNG…',
    group: 'File',
    hint: 'An image of the whole diagram or the selected tables, light or dark',
    isEnabled: hasDrawing,
    run: () => store().openDialog({ kind: 'exportImage', format: 'png' }),
  },
  {
    id: 'file.exportSvg',
    label: 'Export SVG…',
    group: 'File',
    hint: 'A scalable image of the whole diagram or the selected tables, light or dark',
    isEnabled: hasDrawing,
    run: () => store().openDialog({ kind: 'exportImage', format: 'svg' }),
  },
];
