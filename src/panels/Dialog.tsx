import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  label: string;
  className?: string;
  onClose(): void;
  /** Keys the dialog handles itself (arrows in a list); Escape always closes. */
  onKeyDown?(event: KeyboardEvent): void;
  children: ReactNode;
}

const focusable =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves in on open, stays inside (Tab wraps around; if the focused element
 * disappears, the dialog takes the focus back) and returns where it was on close; the page behind is
 * inert; Escape and a click outside close it.
 */
export function Dialog({ label, className = '', onClose, onKeyDown, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const dialog = box.current!;
    const behind = document.querySelector<HTMLElement>('.app');
    behind?.setAttribute('inert', '');
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog).focus();
    const keepFocus = () => {
      if (!dialog.contains(document.activeElement)) dialog.focus();
    };
    const watcher = new MutationObserver(keepFocus);
    watcher.observe(dialog, { childList: true, subtree: true });
    return () => {
      watcher.disconnect();
      behind?.removeAttribute('inert');
      previous?.focus?.();
    };
  }, []);
  const handleKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key === 'Tab') {
      const items = [...box.current!.querySelectorAll<HTMLElement>(focusable)];
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return event.preventDefault();
      if (event.shiftKey && (document.activeElement === first || document.activeElement === box.current)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
      return;
    }
    onKeyDown?.(event);
  };
  // Rendered beside the app, not in it, so the app can be made inert while the dialog is open.
  return createPortal(
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div
        ref={box}
        className={`dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        tabIndex={-1}
        onKeyDown={handleKeyDown}
        onMouseDown={(e) => e.stopPropagation()}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}

/** A dialog's title, a line about it, and (given `onClose`) its × button: the same header in every dialog. */
export function DialogHead({
  title,
  about,
  onClose,
  isCloseFocused = false,
}: {
  title: ReactNode;
  about: ReactNode;
  onClose?(): void;
  isCloseFocused?: boolean;
}) {
  return (
    <header className="dialog-head">
      <div>
        <h2>{title}</h2>
        <p className="muted">{about}</p>
      </div>
      {onClose && (
        <button type="button" className="icon" aria-label="Close" data-autofocus={isCloseFocused || undefined} onClick={onClose}>
          ×
        </button>
      )}
    </header>
  );
}

/** A form dialog's footer: its submit button (the children), then Cancel. */
export function FormDialogFoot({ onCancel, children }: { onCancel(): void; children: ReactNode }) {
  return (
    <footer className="dialog-foot">
      {children}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </footer>
  );
}
