import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../store/index.ts';
import { chordOf, commandForChord, matchCommands, selectEnabledCommandIds, type Command } from './commands.ts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}, code = '') => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('commands', () => {
  it('spells key events as chords', () => {
    expect(chordOf(key('z', { ctrlKey: true }))).toBe('Mod+Z');
    expect(chordOf(key('Z', { metaKey: true, shiftKey: true }))).toBe('Mod+Shift+Z');
    expect(chordOf(key('?', { shiftKey: true }))).toBe('?');
    expect(chordOf(key('Backspace'))).toBe('Delete');
    expect(chordOf(key('1', { altKey: true }, 'Digit1'))).toBe('Alt+1');
    expect(chordOf(key('¡', { altKey: true }, 'Digit1'))).toBe('Alt+1');
  });

  it('finds the enabled command for a chord; plain keys never fire in text fields', () => {
    const state = createEditorStore().getState();
    const commands: Command[] = [
      { id: 'undo', label: 'Undo', group: 'Edit', shortcuts: ['Mod+Z'], isEnabled: (s) => s.undoDepth > 0, run: () => {} },
      { id: 'add', label: 'Add a table', group: 'Diagram', shortcuts: ['T'], run: () => {} },
      { id: 'palette', label: 'Command palette', group: 'Help', shortcuts: ['Mod+K'], worksInTextFields: true, run: () => {} },
    ];
    expect(commandForChord(commands, 'Mod+Z', state, false)).toBeUndefined();
    expect(commandForChord(commands, 'T', state, false)?.id).toBe('add');
    expect(commandForChord(commands, 'T', state, true)).toBeUndefined();
    expect(commandForChord(commands, 'Mod+K', state, true)?.id).toBe('palette');
  });

  it('selects the enabled commands afresh from each state, so an open palette follows the store', () => {
    const store = createEditorStore();
    const commands: Command[] = [
      { id: 'undo', label: 'Undo', group: 'Edit', isEnabled: (s) => s.undoDepth > 0, run: () => {} },
      { id: 'add', label: 'Add a table', group: 'Diagram', run: () => {} },
    ];
    const selectEnabled = selectEnabledCommandIds(commands);
    expect(selectEnabled(store.getState())).toEqual(['add']);
    store.getState().addTable({ x: 0, y: 0 });
    expect(selectEnabled(store.getState())).toEqual(['undo', 'add']);
  });

  it('matches palette queries word by word, group included', () => {
    const commands = [
      { id: 'a', label: 'Connect two tables…', group: 'Diagram', run: () => {} },
      { id: 'b', label: 'Add a table', group: 'Diagram', run: () => {} },
      { id: 'c', label: 'Undo', group: 'Edit', run: () => {} },
    ] satisfies Command[];
    expect(matchCommands(commands, 'tab con').map((c) => c.id)).toEqual(['a']);
    expect(matchCommands(commands, 'diagram').map((c) => c.id)).toEqual(['a', 'b']);
    expect(matchCommands(commands, '').length).toBe(3);
  });
});
