import { useEditorStore } from '../store/index.ts';
import { DocumentsDialog } from './DocumentsDialog.tsx';
import { ExportTextDialog } from './ExportTextDialog.tsx';
import { FileDrop } from './FileDrop.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';
import { WorkNotices } from './WorkNotices.tsx';

/** Everything about keeping work that sits over the editor: its dialogs (documents, templates, import, export as text), its messages, the file drop. */
export function KeepingWork() {
  const dialog = useEditorStore((s) => s.workDialog);
  return (
    <>
      {(dialog === 'documents' || dialog === 'rename') && <DocumentsDialog renameOpen={dialog === 'rename'} />}
      {dialog === 'templates' && <TemplatePicker />}
      {dialog === 'import' && <ImportDialog />}
      {dialog === 'exportText' && <ExportTextDialog />}
      <WorkNotices />
      <FileDrop />
    </>
  );
}
