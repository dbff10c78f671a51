import { useEditorStore } from '../store/index.ts';
import { DocumentsDialog } from '../panels/DocumentsDialog.tsx';
import { ExportTextDialog } from '../panels/ExportTextDialog.tsx';
import { FileDrop } from './FileDrop.tsx';
import { ImportDialog } from '../panels/ImportDialog.tsx';
import { TemplatePicker } from '../panels/TemplatePicker.tsx';
import { WorkNotices } from '../panels/WorkNotices.tsx';

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
