import type { ErdDocument } from '../model/index.ts';
import type { SaveStatus } from '../store/index.ts';

/**
 * The save-status state machine of a tab's open document, as a pure reducer: every way the
 * browser's copy and the one on screen can stand to each other, and what each event makes of it.
 * The keeper (documentSaver.ts) feeds it the store's edits, the writes' outcomes and the other tabs'
 * messages, and runs the effects it returns.
 */

/** A document this tab keeps in the browser's storage, and the copy of it the storage has. */
export interface KeptDocument {
  id: string;
  /** The stored revision the next write goes on top of: a newer one is never written over. */
  baseRevision: number;
  /** The document as stored: no write is due while the screen shows this very object. */
  saved: ErdDocument;
  /** When the stored copy was written (0: never), for the message after a failed write. */
  savedAt: number;
}

/** Who wrote the revision this tab must not write over: another tab saved a newer one, or deleted the document. */
export type ConflictKind = 'newer' | 'deleted';

/**
 * Where the open document stands. `opening` counts the documents shown in this tab, so that the
 * outcome of a write started for an earlier one is ignored.
 */
export type SaveState =
  /** Nothing open: the tab is starting, or is between a document let go and the next one. */
  | { status: 'loading'; opening: number }
  /** A document from a newer editor, only looked at: never written. */
  | { status: 'readOnly'; opening: number }
  /** The browser's storage could not be opened: the document lives on screen only. */
  | ({ status: 'unkept'; opening: number } & KeptDocument)
  | ({ status: 'saved' | 'unsaved' | 'saving' | 'failed'; opening: number } & KeptDocument)
  /** Another tab saved a newer revision or deleted the document: nothing is written until the user chooses. */
  | ({ status: 'conflict'; conflict: ConflictKind; opening: number } & KeptDocument);

/** A state that has a stored (or storable) document. */
export type KeptState = Extract<SaveState, KeptDocument>;

/** What happens to the open document: in this tab, in its writes, or in another tab. */
export type SaveEvent =
  /** A document is shown as this tab's open one; `stored` is false when there is no storage. */
  | { type: 'opened'; id: string; revision: number; savedAt: number; document: ErdDocument; stored: boolean }
  | { type: 'openedReadOnly' }
  /** The open document was let go (deleted, or given up in a conflict): the next one is being read. */
  | { type: 'closed' }
  /** The store's document changed from `previous` to `document`. */
  | { type: 'edited'; document: ErdDocument; previous: ErdDocument }
  | { type: 'writeStarted' }
  /** The write of `document` (started in `opening`) was stored as `revision`; `current` is what the screen shows now. */
  | { type: 'written'; opening: number; document: ErdDocument; revision: number; savedAt: number; current: ErdDocument }
  /** The storage holds a newer revision than the write was based on: nothing was written. */
  | { type: 'writeRefused'; opening: number }
  | { type: 'writeFailed'; opening: number; error: unknown }
  /** Another tab says it saved `revision` of the open document: a conflict when it is newer than this tab's base. */
  | { type: 'savedElsewhere'; revision: number }
  | { type: 'deletedElsewhere' }
  /** Another tab undid its delete, and the stored document is still at `revision`. */
  | { type: 'restoredElsewhere'; opening: number; revision: number; current: ErdDocument };

/** How a write ended. */
type WriteOutcome = Extract<SaveEvent, { type: 'written' | 'writeRefused' | 'writeFailed' }>;

/** What the keeper must do after a transition. */
export type SaveEffect =
  /** A write is due: after the quiet period (the scheduler debounces). */
  | { type: 'scheduleWrite' }
  /** No write is due (any more). */
  | { type: 'cancelWrite' }
  /** Say that (and why) this tab does not write: the conflict notice, with the ways out. */
  | { type: 'tellConflict' }
  | { type: 'tellSaveFailed'; error: unknown }
  /** A write was stored: rebase the journal, tell the other tabs, drop the failure message. */
  | { type: 'announceWritten'; revision: number }
  /** A conflict went away by itself (the delete was undone). */
  | { type: 'clearConflict' };

/** A state and what to do about it. */
export interface Transition {
  state: SaveState;
  effects: SaveEffect[];
}

/** The state of a tab before its first document is shown. */
export const initialSaveState: SaveState = { status: 'loading', opening: 0 };

/** Whether the state has a document this tab keeps (or would keep, with storage). */
export const isKept = (state: SaveState): state is KeptState => state.status !== 'loading' && state.status !== 'readOnly';

/** Whether the screen shows something the browser's storage does not have. */
export const hasUnsavedChanges = (state: SaveState, document: ErdDocument): boolean => isKept(state) && document !== state.saved;

/**
 * Whether leaving now would lose edits: unsaved ones held back by a conflict, refused by the browser,
 * kept nowhere (no storage), or that the journal does not hold either.
 */
export function hasEditsAtRisk(state: SaveState, document: ErdDocument, journalHoldsEdits: boolean): boolean {
  if (!hasUnsavedChanges(state, document)) return false;
  return state.status === 'conflict' || state.status === 'unkept' || state.status === 'failed' || !journalHoldsEdits;
}

/** Whether writing `document` now is this tab's business: stored, not in a conflict, not written yet. */
export function isWriteDue(state: SaveState, document: ErdDocument): state is KeptState {
  return isWritable(state) && document !== state.saved;
}

/** Whether a write may start: a stored document, not being written, not held back by a conflict. */
const isWritable = (state: SaveState): state is KeptState =>
  state.status === 'saved' || state.status === 'unsaved' || state.status === 'failed';

/**
 * What the toolbar says. Null while nothing is open: it goes on saying what it said of the last
 * document until the next one is shown. Without storage, every change is one that could not be saved.
 */
export function shownStatus(state: SaveState): SaveStatus | null {
  if (state.status === 'loading') return null;
  return state.status === 'unkept' ? 'failed' : state.status;
}

/** A transition to `state`, with the effects it asks for. */
const to = (state: SaveState, ...effects: SaveEffect[]): Transition => ({ state, effects });

/** The save-status reducer: the state after `event`, and the effects the keeper runs. */
export function nextSaveState(state: SaveState, event: SaveEvent): Transition {
  const opening = state.opening + 1;
  switch (event.type) {
    case 'opened': {
      const kept: KeptDocument = { id: event.id, baseRevision: event.revision, saved: event.document, savedAt: event.savedAt };
      return to({ status: event.stored ? 'saved' : 'unkept', opening, ...kept }, { type: 'cancelWrite' });
    }
    case 'openedReadOnly':
      return to({ status: 'readOnly', opening }, { type: 'cancelWrite' });
    case 'closed':
      return to({ status: 'loading', opening }, { type: 'cancelWrite' });
    case 'edited':
      return edited(state, event.document, event.previous);
    case 'writeStarted':
      return isWritable(state) ? to({ ...state, status: 'saving' }) : to(state);
    case 'written':
    case 'writeRefused':
    case 'writeFailed':
      return isKept(state) && state.status !== 'unkept' && event.opening === state.opening ? writeOutcome(state, event) : to(state);
    case 'savedElsewhere':
    case 'deletedElsewhere':
      if (!isKept(state) || state.status === 'unkept') return to(state);
      if (event.type === 'savedElsewhere' && event.revision <= state.baseRevision) return to(state);
      return to(
        { ...state, status: 'conflict', conflict: event.type === 'savedElsewhere' ? 'newer' : 'deleted' },
        { type: 'cancelWrite' },
        { type: 'tellConflict' },
      );
    case 'restoredElsewhere':
      if (
        state.status !== 'conflict' ||
        state.conflict !== 'deleted' ||
        event.opening !== state.opening ||
        event.revision !== state.baseRevision
      )
        return to(state);
      return settle(state, event.current, { type: 'clearConflict' });
  }
}

/** Back to writing as usual: saved when the screen shows what is stored, else a write is due. */
function settle(state: KeptState, current: ErdDocument, ...effects: SaveEffect[]): Transition {
  const kept = { opening: state.opening, id: state.id, baseRevision: state.baseRevision, saved: state.saved, savedAt: state.savedAt };
  if (current === state.saved) return to({ ...kept, status: 'saved' }, ...effects);
  return to({ ...kept, status: 'unsaved' }, ...effects, { type: 'scheduleWrite' });
}

/**
 * An edit: back to what is stored cancels the write (and an edited document is saved again); any
 * other edit makes a write due, except while a conflict holds writes back, where the first edit of
 * this tab's own is told (the message then says this tab's changes were not written over).
 */
function edited(state: SaveState, document: ErdDocument, previous: ErdDocument): Transition {
  if (!isKept(state) || state.status === 'unkept') return to(state);
  if (document === state.saved) return to(state.status === 'unsaved' ? { ...state, status: 'saved' } : state, { type: 'cancelWrite' });
  if (state.status === 'conflict') return previous === state.saved ? to(state, { type: 'tellConflict' }) : to(state);
  return to(state.status === 'saved' ? { ...state, status: 'unsaved' } : state, { type: 'scheduleWrite' });
}

/**
 * How a write of this opening ended. Stored: the stored copy is the one written, and a write is due
 * again when edits came in meanwhile. Refused: another tab wrote first. Failed: the last good copy
 * stays, the message says so. A conflict that arrived during the write stays until the user chooses.
 */
function writeOutcome(state: KeptState, event: WriteOutcome): Transition {
  if (event.type === 'writeRefused')
    return to({ ...state, status: 'conflict', conflict: 'newer' }, { type: 'cancelWrite' }, { type: 'tellConflict' });
  if (event.type === 'writeFailed')
    return state.status === 'conflict' ? to(state) : to({ ...state, status: 'failed' }, { type: 'tellSaveFailed', error: event.error });
  const stored = { ...state, baseRevision: event.revision, saved: event.document, savedAt: event.savedAt };
  const announced: SaveEffect = { type: 'announceWritten', revision: event.revision };
  return stored.status === 'conflict' ? to(stored, announced) : settle(stored, event.current, announced);
}
