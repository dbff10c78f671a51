import { useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Dialog } from '../panels/Dialog.tsx';
import { useEditorStore } from '../store/index.ts';
import { displayShortcut, matchCommands, selectEnabledCommandIds, type Command } from './commands.ts';

/** Ctrl/Cmd+K: every command, searchable by words; ↑ ↓ choose, Enter runs. */
export function CommandPalette({ commands }: { commands: readonly Command[] }) {
  const close = useEditorStore((s) => s.closeDialog);
  const enabledIds = useEditorStore(useShallow(selectEnabledCommandIds(commands)));
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = matchCommands(commands, query).filter((c) => enabledIds.includes(c.id));
  const chosen = matches[Math.min(active, matches.length - 1)];
  const run = (command: Command | undefined) => {
    if (!command) return;
    close();
    command.run();
  };
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((n) => Math.min(n + 1, matches.length - 1));
    else if (event.key === 'ArrowUp') setActive((n) => Math.max(n - 1, 0));
    else if (event.key === 'Enter') run(chosen);
    else return;
    event.preventDefault();
  };
  return (
    <Dialog label="Command palette" className="palette" onClose={() => close()} onKeyDown={handleKeyDown}>
      <input
        data-autofocus
        className="palette-input"
        placeholder="Type a command…"
        aria-label="Command"
        aria-controls="palette-list"
        aria-activedescendant={chosen ? `command-${chosen.id}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
      />
      <ul id="palette-list" className="palette-list" role="listbox" aria-label="Commands">
        {matches.map((c) => (
          <li
            key={c.id}
            id={`command-${c.id}`}
            role="option"
            aria-selected={c === chosen}
            onMouseEnter={() => setActive(matches.indexOf(c))}
            onClick={() => run(c)}
          >
            <span className="palette-group">{c.group}</span>
            <span className="palette-label">{c.label}</span>
            {c.shortcuts && <kbd>{displayShortcut(c.shortcuts[0]!)}</kbd>}
          </li>
        ))}
        {matches.length === 0 && <li className="muted">No command matches "{query}".</li>}
      </ul>
    </Dialog>
  );
}
