import { useState } from 'react';
import type { Version, VersionId } from '../model/index.ts';
import { selectDefaultBaseVersion, selectVersions, useEditorStore } from '../store/index.ts';
import { Dialog, DialogHead } from './Dialog.tsx';
import { RenameInPlace } from './RenameInPlace.tsx';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const kindLabels: Record<Version['kind'], string> = { imported: 'imported', marked: 'marked' };
const tableCount = (v: Version) => `${v.schema.tables.length} table${v.schema.tables.length === 1 ? '' : 's'}`;

/** The document's named versions, newest first, with the default base of a migration marked; rename and delete (Undo takes either back). */
export function VersionsDialog() {
  const close = useEditorStore((s) => s.closeDialog);
  const openDialog = useEditorStore((s) => s.openDialog);
  const deleteVersion = useEditorStore((s) => s.deleteVersion);
  const isReadOnly = useEditorStore((s) => s.readOnlyReason !== null);
  const versions = useEditorStore(selectVersions);
  const baseId = useEditorStore((s) => selectDefaultBaseVersion(s)?.id ?? null);
  const [renaming, setRenaming] = useState<VersionId | null>(null);
  const renameVersion = useEditorStore((s) => s.renameVersion);
  return (
    <Dialog label="Versions" className="documents versions" onClose={close}>
      <DialogHead
        title="Versions"
        about="The schema as it was when imported or marked deployed, newest first. A migration starts from the newest marked one. Undo takes back a rename or a delete."
        onClose={close}
      />
      <div className="documents-actions">
        <button type="button" className="primary" disabled={isReadOnly} data-autofocus onClick={() => openDialog({ kind: 'markVersion' })}>
          Mark as deployed…
        </button>
      </div>
      <ul className="document-list" aria-label="Versions of this document">
        {versions.length === 0 && <li className="muted">No versions yet: importing a script makes one, and so does Mark as deployed.</li>}
        {versions.map((v) => (
          <li key={v.id} data-version-name={v.name}>
            <div className="document-main">
              {renaming === v.id ? (
                <RenameInPlace name={v.name} onRename={(name) => renameVersion(v.id, name)} onDone={() => setRenaming(null)} />
              ) : (
                <span className="version-name">{v.name}</span>
              )}
              <span className="document-meta">
                {v.id === baseId && <span className="pill good">migrations start here</span>}
                {kindLabels[v.kind]} {when.format(new Date(v.createdAt))} · {tableCount(v)}
              </span>
            </div>
            <div className="document-row-actions">
              <button type="button" disabled={isReadOnly} onClick={() => setRenaming(v.id)} aria-label={`Rename ${v.name}`}>
                Rename
              </button>
              <button
                type="button"
                className="danger"
                disabled={isReadOnly}
                onClick={() => deleteVersion(v.id)}
                aria-label={`Delete ${v.name}`}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
