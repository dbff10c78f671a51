import type { NoticeAction, WorkNotice } from '../store/index.ts';

/** A storage error in words: a full quota is the one people can act on. */
export function describeStorageError(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return "the browser's storage for this site is full";
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  return `${typeof name === 'string' ? `${name}: ` : ''}${message || 'the write failed'}`;
}

/** A write that failed: what failed, that the last good copy is kept, and the way out. */
export function saveFailedNotice(documentName: string, error: unknown, lastSavedAt: number, actions: NoticeAction[]): WorkNotice {
  const kept =
    lastSavedAt > 0 ? `The last good copy (saved at ${new Date(lastSavedAt).toLocaleTimeString()}) is kept` : 'Nothing was overwritten';
  return {
    id: 'save-failed',
    tone: 'error',
    text: `Could not save “${documentName}” in this browser: ${describeStorageError(error)}. ${kept}; your changes are still on screen, so save them to a file to be safe.`,
    actions,
  };
}

/** Unsaved changes that block a switch to another document. */
export function cannotLeaveNotice(documentName: string, actions: NoticeAction[]): WorkNotice {
  return {
    id: 'save-failed',
    tone: 'error',
    text: `“${documentName}” has changes that could not be saved in this browser, so it stays open. Save it to a file first, or try again.`,
    actions,
  };
}

/** Another tab saved a newer revision of the open document, or deleted it. */
export function conflictNotice(
  kind: 'newer' | 'deleted',
  documentName: string,
  hasOwnChanges: boolean,
  actions: { loadTheirs: NoticeAction; keepMine: NoticeAction; letGo: NoticeAction },
): WorkNotice {
  if (kind === 'deleted') {
    return {
      id: 'conflict',
      tone: 'warning',
      text: `“${documentName}” was deleted in another tab. This tab still shows it; keep it as a copy, or let it go.`,
      actions: [actions.keepMine, actions.letGo],
    };
  }
  const mine = hasOwnChanges ? ' Your changes in this tab were not written over it.' : '';
  return {
    id: 'conflict',
    tone: 'warning',
    text: `Another tab saved a newer version of “${documentName}”.${mine} Load it here, or keep this tab's version as a separate copy.`,
    actions: [actions.loadTheirs, actions.keepMine],
  };
}

/** A stored document that cannot be opened; it is left where it is. */
export function damagedNotice(documentName: string, error: string): WorkNotice {
  return {
    id: 'open-failed',
    tone: 'error',
    text: `Could not open “${documentName}”: ${error}. It is left as it was in this browser's storage; delete it under Documents when you no longer need it.`,
  };
}

/** A project file that cannot be opened. */
export function fileErrorNotice(fileName: string, error: string): WorkNotice {
  return { id: 'file-error', tone: 'error', text: `Could not open “${fileName}”: ${error}. The open document is untouched.` };
}

/** Any other storage operation that failed (a rename, a copy, a delete). */
export function operationFailedNotice(what: string, error: unknown): WorkNotice {
  return { id: 'storage-error', tone: 'error', text: `Could not ${what}: ${describeStorageError(error)}. Nothing stored was changed.` };
}

/** A document from a newer editor, open to be looked at: why, and the way to edit it here. */
export function readOnlyNotice(documentName: string, reason: string, saveCopy: NoticeAction): WorkNotice {
  return {
    id: 'read-only',
    tone: 'warning',
    text: `“${documentName}” was ${reason}. Nothing is saved while it is; an editable copy keeps what this version understands.`,
    actions: [saveCopy],
  };
}
