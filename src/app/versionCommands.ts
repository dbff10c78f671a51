import { useEditorStore } from '../store/index.ts';
import type { Command } from './commands.ts';

const store = () => useEditorStore.getState();

/** Named versions of the schema (what migrations start from); spread into the editor's one command list. */
export const versionCommands: Command[] = [
  {
    id: 'version.mark',
    label: 'Mark as deployed…',
    group: 'File',
    hint: 'Keep the schema as it is now under a name, as the version your database has: migrations start from it',
    isEnabled: (s) => s.readOnlyReason === null,
    run: () => store().openDialog({ kind: 'markVersion' }),
  },
  {
    id: 'version.list',
    label: 'Versions…',
    group: 'File',
    hint: 'The versions kept in this document (imported, marked deployed): rename or delete them',
    run: () => store().openDialog({ kind: 'versions' }),
  },
];
