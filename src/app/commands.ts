import type { EditorState } from '../store/index.ts';

/** Where a command is listed in the palette and the shortcuts sheet. */
export type CommandGroup = 'File' | 'Edit' | 'View' | 'Diagram' | 'Proof' | 'Help';

/**
 * One thing the user can do, as data: the toolbar, the menus, the command palette and the keyboard
 * all read this list, so no handler is written twice.
 */
export interface Command {
  id: string;
  label: string;
  group: CommandGroup;
  /** Key chords, `Mod` meaning Ctrl (Cmd on a Mac): `Mod+Z`, `Mod+Shift+Z`, `Delete`, `?`. The first is shown. */
  shortcuts?: string[];
  /** Also fires while typing in a text field (Mod+K, Mod+S); plain keys never do. */
  worksInTextFields?: boolean;
  /** Shown in the toolbar, in list order, under this short label (or `label`). */
  inToolbar?: boolean;
  toolbarLabel?: string;
  /** A longer hint for tooltips and the palette. */
  hint?: string;
  isEnabled?(state: EditorState): boolean;
  run(): void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** How a chord is written for people on this platform: `Ctrl+Shift+Z`, `⌘⇧Z`. */
export function displayShortcut(chord: string): string {
  if (!isMac) return chord.replace('Mod', 'Ctrl');
  return chord.replace('Mod+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥');
}

/** The chord a key event spells, in the same notation (`Mod+Shift+Z`, `Delete`, `?`). */
export function chordOf(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): string {
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('Mod');
  if (event.altKey) parts.push('Alt');
  // With Alt (Option on a Mac) a digit key types a symbol (¡): read which key it was.
  const digit = event.altKey ? /^Digit(\d)$/.exec(event.code ?? '')?.[1] : undefined;
  const key = digit ?? (event.key.length === 1 ? event.key.toUpperCase() : event.key);
  // A shifted symbol (`?`) is its own key; Shift only counts with letters and named keys.
  if (event.shiftKey && (key.length > 1 || /[A-Z]/.test(key))) parts.push('Shift');
  parts.push(key === 'Backspace' ? 'Delete' : key);
  return parts.join('+');
}

/** The enabled command bound to a chord, if any. */
export function commandForChord(
  commands: readonly Command[],
  chord: string,
  state: EditorState,
  inTextField: boolean,
): Command | undefined {
  return commands.find((c) => c.shortcuts?.includes(chord) && (!inTextField || c.worksInTextFields) && (c.isEnabled?.(state) ?? true));
}

/** The ids of the commands that can run now, as a store selector (with `useShallow`) so an open palette follows the state. */
export function selectEnabledCommandIds(commands: readonly Command[]): (state: EditorState) => string[] {
  return (state) => commands.filter((c) => c.isEnabled?.(state) ?? true).map((c) => c.id);
}

/** Palette search: every word of the query appears in the label or group, in any order. */
export function matchCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => words.every((w) => `${c.group} ${c.label}`.toLowerCase().includes(w)));
}
