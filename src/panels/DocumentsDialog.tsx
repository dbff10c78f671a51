import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../io/storedDocument.ts';
import { Dialog, DialogHead } from './Dialog.tsx';
import { RenameInPlace } from './RenameInPlace.tsx';
import { useEditorStore } from '../store/index.ts';
import { openFromFile, saveToFile, workKeeper } from '../keeping/keepingWork.ts';

const today = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const earlier = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function savedWhen(savedAt: number): string {
  const date = new Date(savedAt);
  return date.toDateString() === new Date().toDateString() ? `today ${today.format(date)}` : earlier.format(date);
}

/** The documents list, kept fresh while other tabs create, rename or delete documents. */
function useDocuments(): DocumentSummary[] | null {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  useEffect(() => {
    let isLive = true;
    const load = () =>
      void workKeeper()
        .list()
        .then((list) => isLive && setDocuments(list));
    load();
    const stop = workKeeper().onLibraryChange(load);
    return () => {
      isLive = false;
      stop();
    };
  }, []);
  return documents;
}

/** Every document kept in this browser: open, rename, duplicate, delete (undo from the message), plus new, open and save. */
export function DocumentsDialog({ renameOpen }: { renameOpen: boolean }) {
  const openDialog = useEditorStore((s) => s.openDialog);
  const close = useEditorStore((s) => s.closeDialog);
  const currentId = useEditorStore((s) => s.documentId);
  const documents = useDocuments();
  const [renaming, setRenaming] = useState<string | null>(renameOpen ? currentId : null);
  const run = (action: () => Promise<unknown>) => () => void action();
  return (
    <Dialog label="Documents" className="documents" onClose={close}>
      <DialogHead
        title="Documents"
        about="Kept in this browser: every change is saved within a second. Save to a file to move a document elsewhere."
        onClose={close}
      />
      <div className="documents-actions">
        <button
          type="button"
          className="primary"
          data-autofocus={renameOpen ? undefined : true}
          onClick={() => openDialog({ kind: 'templates' })}
        >
          New…
        </button>
        <button
          type="button"
          onClick={() => {
            close();
            void openFromFile(useEditorStore);
          }}
        >
          Open a file…
        </button>
        <button type="button" onClick={() => void saveToFile(useEditorStore)}>
          Save this one to a file…
        </button>
      </div>
      <ul className="document-list" aria-label="Stored documents">
        {documents === null && <li className="muted">Reading…</li>}
        {documents?.map((d) => (
          <li
            key={d.id}
            aria-current={d.id === currentId ? 'true' : undefined}
            className={d.damage ? 'damaged' : undefined}
            data-document-name={d.name}
          >
            <div className="document-main">
              {renaming === d.id ? (
                <RenameInPlace
                  name={d.name}
                  onRename={(name) => {
                    if (name.trim() && name.trim() !== d.name) void workKeeper().rename(d.id, name);
                  }}
                  onDone={(isKept) => {
                    setRenaming(null);
                    // "Rename this document…" came for this one thing.
                    if (isKept && renameOpen) close();
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="document-open"
                  disabled={Boolean(d.damage)}
                  onClick={run(async () => {
                    if (await workKeeper().open(d.id)) close();
                  })}
                >
                  {d.name}
                </button>
              )}
              <span className="document-meta">
                {d.id === currentId && <span className="pill good">open</span>}
                {d.damage ? <span className="damage">Cannot be opened: {d.damage}</span> : <>saved {savedWhen(d.savedAt)}</>}
              </span>
            </div>
            <div className="document-row-actions">
              <button type="button" disabled={Boolean(d.damage)} onClick={() => setRenaming(d.id)} aria-label={`Rename ${d.name}`}>
                Rename
              </button>
              <button
                type="button"
                disabled={Boolean(d.damage)}
                onClick={run(() => workKeeper().duplicate(d.id, { open: false }))}
                aria-label={`Duplicate ${d.name}`}
              >
                Duplicate
              </button>
              <button type="button" className="danger" onClick={run(() => workKeeper().remove(d.id))} aria-label={`Delete ${d.name}`}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
      <p className="dialog-foot muted">A deleted document can be brought back with Undo in the message that follows.</p>
    </Dialog>
  );
}
