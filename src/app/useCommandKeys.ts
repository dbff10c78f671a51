import { useEffect } from 'react';
import { selectIsModalOpen, useEditorStore } from '../store/index.ts';
import { chordOf, commandForChord, type Command } from './commands.ts';

/** One keyboard listener for every command; text fields keep their own keys unless a command says otherwise. */
export function useCommandKeys(commands: readonly Command[]): void {
  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target as HTMLElement | null;
      const inTextField = Boolean(target?.closest('input, textarea, select, [contenteditable="true"], .cm-editor'));
      const state = useEditorStore.getState();
      if (selectIsModalOpen(state)) return;
      const chord = chordOf(event);
      // Text selected on the page (the DDL, a message) is the user's to copy.
      if (chord === 'Mod+C' && (document.getSelection()?.toString() ?? '') !== '') return;
      const command = commandForChord(commands, chord, state, inTextField);
      if (!command) return;
      event.preventDefault();
      command.run();
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [commands]);
}
