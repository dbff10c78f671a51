import { Dialog, DialogHead } from '../panels/Dialog.tsx';
import { useEditorStore } from '../store/index.ts';
import { displayShortcut, type Command, type CommandGroup } from './commands.ts';

/** "?": every command that has keys, by group, read from the same list the keys use. */
export function ShortcutsSheet({ commands }: { commands: readonly Command[] }) {
  const close = useEditorStore((s) => s.closeDialog);
  const groups = [...new Set(commands.filter((c) => c.shortcuts).map((c) => c.group))] as CommandGroup[];
  return (
    <Dialog label="Keyboard shortcuts" className="shortcuts" onClose={() => close()}>
      <DialogHead
        title="Keyboard shortcuts"
        about="Letters and Delete work when no text field has the focus. Ctrl/Cmd+K finds any command."
        onClose={() => close()}
        isCloseFocused
      />
      <div className="shortcut-groups">
        {groups.map((group) => (
          <section key={group}>
            <h3>{group}</h3>
            <dl>
              {commands
                .filter((c) => c.group === group && c.shortcuts)
                .map((c) => (
                  <div key={c.id} className="shortcut-row">
                    <dt>{c.label}</dt>
                    <dd>
                      {c.shortcuts!.map((k) => (
                        <kbd key={k}>{displayShortcut(k)}</kbd>
                      ))}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
