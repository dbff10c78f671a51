import { useCallback, useEffect, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { coalescedCommit } from '../store/index.ts';

/** Runs `run` once the next frame has been painted: the animation frame comes before the paint, the task it posts after. */
function afterNextPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
}

/**
 * Keys that act beyond the text (Enter adds a column, Ctrl+S saves, Alt+↑ moves it): what was typed is
 * committed before they run. Option (Mac) and AltGr (Ctrl+Alt on Windows) with a character type it.
 */
export function actsBeyondText(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  const typesCharacter = event.key.length === 1 && !event.metaKey && (!event.ctrlKey || event.altKey);
  return (
    event.key === 'Enter' ||
    event.key === 'Escape' ||
    event.key === 'Tab' ||
    ((event.ctrlKey || event.metaKey || event.altKey) && !typesCharacter)
  );
}

type TextElement = HTMLInputElement | HTMLTextAreaElement;

/**
 * A text field over a document value that paints each keystroke at once and commits it to the store
 * after that paint: a commit re-lints the schema and redraws the canvas, which on a 500-table document
 * took a keystroke 40-50 ms to show. Leaving the field, a key that acts beyond the text, or unmounting
 * commits at once, so nothing typed is lost and undo sees it.
 */
export function useDraftText(stored: string, commit: (text: string) => void) {
  const [draft, setDraft] = useState<string | null>(null);
  const [queue] = useState(() => coalescedCommit<string>(afterNextPaint));
  const flush = useCallback(() => queue.flush(), [queue]);
  useEffect(() => flush, [flush]);
  return {
    value: draft ?? stored,
    onChange(event: ChangeEvent<TextElement>) {
      const text = event.target.value;
      setDraft(text);
      queue.push(text, (typed) => {
        commit(typed);
        setDraft(null);
      });
    },
    onBlur: flush,
    onKeyDownCapture(event: KeyboardEvent<TextElement>) {
      if (actsBeyondText(event)) flush();
    },
  };
}
