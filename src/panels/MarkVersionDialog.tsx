import { useState, type FormEvent } from 'react';
import { deployedName, maxVersionNameLength, versionName } from '../model/index.ts';
import { useEditorStore } from '../store/index.ts';
import { Dialog, DialogHead, FormDialogFoot } from './Dialog.tsx';

/** "Mark as deployed…": asks a name (offering "deployed" and the date) and keeps the schema as it is now under it. */
export function MarkVersionDialog() {
  const close = useEditorStore((s) => s.closeDialog);
  const markVersion = useEditorStore((s) => s.markVersion);
  const showNotice = useEditorStore((s) => s.showNotice);
  const [name, setName] = useState(() => deployedName(new Date()));
  const kept = versionName(name);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (kept === undefined || markVersion(kept) === null) return;
    close();
    showNotice({ id: 'version', tone: 'info', text: `Version “${kept}” kept: migrations start from it (see Versions…).` });
  };
  return (
    <Dialog label="Mark as deployed" className="mark-version" onClose={close}>
      <form onSubmit={handleSubmit}>
        <DialogHead
          title="Mark as deployed"
          about="Keeps the schema as it is now under a name, as the version your database has: a migration starts from the newest one marked."
        />
        <label className="field">
          <span>Version name</span>
          <input
            value={name}
            maxLength={maxVersionNameLength * 2}
            data-autofocus
            onFocus={(e) => e.target.select()}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <FormDialogFoot onCancel={close}>
          <button type="submit" className="primary" disabled={kept === undefined}>
            Mark
          </button>
        </FormDialogFoot>
      </form>
    </Dialog>
  );
}
