import { useState, type KeyboardEvent } from 'react';

/**
 * Edits a name in place in a dialog's list: Enter or leaving the field keeps it (`onRename` with the
 * text), Escape drops it; either way the focus stays in the dialog, so Escape still closes it.
 */
export function RenameInPlace({ name, onRename, onDone }: { name: string; onRename(name: string): void; onDone(isKept: boolean): void }) {
  const [draft, setDraft] = useState(name);
  const commit = () => {
    onRename(draft);
    onDone(true);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' && event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.closest<HTMLElement>('[role="dialog"]')?.focus();
    if (event.key === 'Enter') commit();
    else onDone(false);
  };
  return (
    <input
      className="document-rename"
      aria-label={`New name for ${name}`}
      value={draft}
      autoFocus
      onFocus={(e) => e.target.select()}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={handleKeyDown}
      onBlur={commit}
    />
  );
}
