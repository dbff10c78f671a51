import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  label: string;
  className?: string;
  onClose(): void;
  /** Keys the dialog handles itself (arrows in a list); Escape always closes. */
  onKeyDown?(event: KeyboardEvent): void;
  children: ReactNode;
}

/** A modal dialog: focus moves in on open and back where it was on close; Escape and a click outside close it. */
export function Dialog({ label, className = '', onClose, onKeyDown, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]');
    (first ?? box.current)?.focus();
    return () => previous?.focus?.();
  }, []);
  const handleKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    onKeyDown?.(event);
  };
  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div ref={box} className={`dialog ${className}`} role="dialog" aria-modal="true" aria-label={label} tabIndex={-1} onKeyDown={handleKeyDown} onMouseDown={(e) => e.stopPropagation()}>
        {children}
      </div>
    </div>
  );
}
