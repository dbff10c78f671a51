import { useEditorStore } from '../store/index.ts';
import { DocumentsDialog } from '../panels/DocumentsDialog.tsx';
import { ExportTextDialog } from '../panels/ExportTextDialog.tsx';
import { FileDrop } from './FileDrop.tsx';
import { ImportDialog } from '../panels/ImportDialog.tsx';
import { MarkVersionDialog } from '../panels/MarkVersionDialog.tsx';
import { TemplatePicker } from '../panels/TemplatePicker.tsx';
import { VersionsDialog } from '../panels/VersionsDialog.tsx';
import { WorkNotices } from '../panels/WorkNotices.tsx';

/** Everything about keeping work that sits over the editor: its dialogs (documents, templates, import, export as text, versions), its messages, the file drop. */
export function KeepingWork() {
  const dialog = useEditorStore((s) => s.dialog);
  return (
    <>
      {dialog?.kind === 'documents' && <DocumentsDialog renameOpen={dialog.isRenaming === true} />}
      {dialog?.kind === 'templates' && <TemplatePicker />}
      {dialog?.kind === 'import' && <ImportDialog />}
      {dialog?.kind === 'exportText' && <ExportTextDialog />}
      {dialog?.kind === 'markVersion' && <MarkVersionDialog />}
      {dialog?.kind === 'versions' && <VersionsDialog />}
      <WorkNotices />
      <FileDrop />
    </>
  );
}
