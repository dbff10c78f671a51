import { selectFormattedDdl, useEditorStore, type EditorState } from '../store/index.ts';
import { templates } from '../io/templates.ts';
import type { Command } from './commands.ts';
import { exportedText, textFormats, type TextFormat } from '../io/exportText.ts';
import { openFromFile, saveToFile, workKeeper } from '../keeping/keepingWork.ts';
import { copyShareLink } from '../keeping/shareLinks.ts';

const store = () => useEditorStore.getState();
const hasTables = (s: EditorState) => s.document.schema.tables.length > 0;
/** A newer editor's document is not written anywhere in this version's format: it would lose what this version does not know. */
const isEditable = (s: EditorState) => s.readOnlyReason === null;

/** Copies the document in a text format and says so (or that the browser refused). */
async function copyAs(format: TextFormat): Promise<void> {
  const state = store();
  const text = exportedText(format, state.document.schema, selectFormattedDdl(state));
  try {
    await navigator.clipboard.writeText(text);
    state.showNotice({ id: 'copied', tone: 'info', text: `${textFormats[format].label} copied (${text.split('\n').length} lines).` });
  } catch {
    state.openDialog({ kind: 'exportText' });
  }
}
const isStored = (s: EditorState) => s.documentId !== null && s.saveStatus !== 'loading';
const withCurrent = (action: (id: string) => Promise<unknown>) => () => {
  const { documentId } = store();
  if (documentId) void action(documentId);
};

/** Keeping work: the documents menu, templates, project files; spread into the editor's one command list. */
export const fileCommands: Command[] = [
  {
    id: 'file.new',
    label: 'New blank diagram',
    toolbarLabel: 'New',
    group: 'File',
    inToolbar: true,
    hint: 'A new blank document; the open one is kept (see Documents)',
    run: () => void workKeeper().createFromTemplate(templates[0]!),
  },
  {
    id: 'file.documents',
    label: 'Documents…',
    group: 'File',
    hint: 'Every document kept in this browser: open, rename, duplicate, delete',
    run: () => store().openDialog({ kind: 'documents' }),
  },
  {
    id: 'file.template',
    label: 'New from a template…',
    group: 'File',
    hint: 'A new document: blank, or one of the classic one-to-one cases',
    run: () => store().openDialog({ kind: 'templates' }),
  },
  {
    id: 'file.open',
    label: 'Open a file…',
    group: 'File',
    shortcuts: ['Mod+O'],
    worksInTextFields: true,
    hint: 'Open a .erd.json project file as a new document',
    run: () => void openFromFile(useEditorStore),
  },
  {
    id: 'file.import',
    label: 'Import SQL or DBML…',
    toolbarLabel: 'Import…',
    group: 'File',
    shortcuts: ['Mod+I'],
    worksInTextFields: true,
    inToolbar: true,
    hint: 'A pg_dump, migrations, CREATE TABLE statements or DBML, read by PostgreSQL into a new document',
    run: () => store().openImport(),
  },
  {
    id: 'file.save',
    label: 'Save to a file…',
    group: 'File',
    shortcuts: ['Mod+S'],
    worksInTextFields: true,
    isEnabled: isEditable,
    hint: 'Save this document as a .erd.json project file',
    run: () => void saveToFile(useEditorStore),
  },
  {
    id: 'file.exportText',
    label: 'Export as SQL, DBML or Mermaid…',
    toolbarLabel: 'Export…',
    group: 'File',
    shortcuts: ['Mod+Shift+E'],
    worksInTextFields: true,
    inToolbar: true,
    hint: 'The design as text to copy or download: DDL for migrations, DBML, a Mermaid erDiagram for a README',
    run: () => store().openDialog({ kind: 'exportText' }),
  },
  {
    id: 'file.copyMermaid',
    label: 'Copy as Mermaid',
    group: 'File',
    hint: 'An erDiagram with crow’s-foot ends, for a README',
    isEnabled: hasTables,
    run: () => void copyAs('mermaid'),
  },
  { id: 'file.copyDbml', label: 'Copy as DBML', group: 'File', isEnabled: hasTables, run: () => void copyAs('dbml') },
  { id: 'file.copySql', label: 'Copy as SQL (DDL)', group: 'File', isEnabled: hasTables, run: () => void copyAs('sql') },
  {
    id: 'file.shareLink',
    label: 'Copy a share link',
    group: 'File',
    hint: 'A link with the whole diagram in it (after the #, never sent to a server); opening it makes a new document',
    isEnabled: (s) => hasTables(s) && isEditable(s),
    run: () => void copyShareLink(useEditorStore),
  },
  {
    id: 'file.rename',
    label: 'Rename this document…',
    group: 'File',
    isEnabled: isStored,
    run: () => store().openDialog({ kind: 'documents', isRenaming: true }),
  },
  {
    id: 'file.duplicate',
    label: 'Duplicate this document',
    group: 'File',
    isEnabled: isStored,
    hint: 'Store a copy and open it',
    run: withCurrent((id) => workKeeper().duplicate(id, { open: true })),
  },
  {
    id: 'file.delete',
    label: 'Delete this document',
    group: 'File',
    isEnabled: isStored,
    hint: 'Remove it from this browser (undo from the message)',
    run: withCurrent((id) => workKeeper().remove(id)),
  },
];
