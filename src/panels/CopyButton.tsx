import { useState } from 'react';

/** Copies text to the clipboard and says so for a moment; says so too when the browser refuses. */
export function CopyButton({ text, label = 'Copy', disabled = false }: { text: string; label?: string; disabled?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const handleClick = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button type="button" onClick={handleClick} disabled={disabled}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy blocked by the browser' : label}
    </button>
  );
}
