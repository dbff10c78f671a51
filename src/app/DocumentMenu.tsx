import { useEditorStore, type SaveStatus } from '../store/index.ts';

const statusText: Record<SaveStatus, string> = {
  loading: 'Opening…',
  saved: 'Saved',
  unsaved: 'Edited',
  saving: 'Saving…',
  failed: 'Not saved',
  conflict: 'Newer copy in another tab',
  readOnly: 'Read-only',
};

const statusHint: Record<SaveStatus, string> = {
  loading: 'Reading your documents from this browser',
  saved: 'Every change is kept in this browser',
  unsaved: 'Saved within a second',
  saving: 'Writing to this browser’s storage',
  failed: 'The last write failed; the last good copy is kept. See the message below.',
  conflict: 'Another tab saved this document; nothing is written over it until you choose',
  readOnly: 'Made by a newer version of the editor: shown as it is, never written; save an editable copy to change it',
};

/** The toolbar's document name (opens the documents dialog) and whether the browser has its latest state. */
export function DocumentMenu() {
  const name = useEditorStore((s) => s.documentName);
  const status = useEditorStore((s) => s.saveStatus);
  const openDialog = useEditorStore((s) => s.openDialog);
  return (
    <div className="document-menu">
      <button
        type="button"
        className="document-name"
        onClick={() => openDialog({ kind: 'documents' })}
        title="Documents kept in this browser"
        aria-label={`Documents: ${name}`}
      >
        <span className="document-name-text">{name || 'Untitled'}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <span className={`save-status ${status}`} data-testid="save-status" data-status={status} title={statusHint[status]}>
        {statusText[status]}
      </span>
    </div>
  );
}
