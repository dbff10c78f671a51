import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { focusSearch } from '../canvas/SearchBox.tsx';
import { useEditorStore, type EditorState } from '../store/index.ts';
import { arrangeTables } from './arrangeTables.ts';
import type { Command } from './commands.ts';

const canArrange = (s: EditorState) => s.document.schema.tables.length > 1 && !s.isArranging;

/** Finding your way: search, snap to grid and automatic layout, spread into the editor's one command list. */
export function useViewCommands(): Command[] {
  const { fitView } = useReactFlow();
  return useMemo<Command[]>(
    () => [
      {
        id: 'view.search',
        label: 'Find a table or column',
        group: 'View',
        shortcuts: ['Mod+F', '/'],
        hint: 'Centres and highlights the match; ↓ / Enter next, ↑ / Shift+Enter previous, Esc clears',
        run: focusSearch,
      },
      {
        id: 'view.snapToGrid',
        label: 'Snap to grid (on / off)',
        group: 'View',
        shortcuts: ['G'],
        hint: 'Dragged tables land on the grid',
        run: () => useEditorStore.getState().toggleSnapToGrid(),
      },
      {
        id: 'diagram.arrange',
        label: 'Arrange automatically',
        toolbarLabel: 'Arrange',
        group: 'Diagram',
        inToolbar: true,
        hint: 'Lays the tables out so related tables sit near each other with few crossings (one undo step)',
        isEnabled: canArrange,
        run: () =>
          void arrangeTables()
            .then(() => fitView({ padding: 0.15, maxZoom: 1, duration: 300 }))
            .catch((error: unknown) => console.error('Automatic layout failed', error)),
      },
    ],
    [fitView],
  );
}
