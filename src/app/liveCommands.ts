import { liveSession } from '../keeping/livePage.ts';
import type { Command } from './commands.ts';

/** Live sessions: spread into the editor's one command list (menu and palette). */
export const liveCommands: Command[] = [
  {
    id: 'file.shareLive',
    label: 'Share live…',
    group: 'File',
    hint: 'Turns this diagram into a room on the collaboration server: an edit link and a view-only link, to design it together',
    isEnabled: (s) => s.readOnlyReason === null,
    // A failure is told in the dialog and a notice.
    run: () =>
      void liveSession()
        .shareLive()
        .catch(() => undefined),
  },
  {
    id: 'file.leaveLive',
    label: 'Leave the live session',
    group: 'File',
    hint: 'Stops sharing changes with the room; the diagram stays in this browser as it is now',
    isEnabled: () => liveSession().getView().room !== null,
    run: () => {
      liveSession().leave();
      history.replaceState(null, '', `${location.pathname}${location.search}`);
    },
  },
];
