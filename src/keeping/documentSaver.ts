import type { StoreApi } from 'zustand';
import type { ErdDocument } from '../model/index.ts';
import type { LibraryMessage, StoredDocument } from '../io/storedDocument.ts';
import type { EditorState, NoticeAction } from '../store/index.ts';
import type { DocumentLibrary } from './documentLibrary.ts';
import type { EditJournal } from './editJournal.ts';
import {
  hasEditsAtRisk,
  hasUnsavedChanges,
  initialSaveState,
  isKept,
  isWriteDue,
  nextSaveState,
  shownStatus,
  type ConflictKind,
  type SaveEffect,
  type SaveEvent,
  type SaveState,
} from './saveStatus.ts';
import { createWriteScheduler, type WriteTiming } from './writeScheduler.ts';
import { conflictNotice, saveFailedNotice } from './workNotices.ts';

/** The buttons of the conflict notice: the operations on the library that end a conflict. */
export interface ConflictWays {
  loadTheirs(): void;
  keepMineAsCopy(): void;
  letGo(): void;
}

/** What the saver works with. */
export interface DocumentSaverOptions extends WriteTiming {
  /** Null without storage: the document is then kept on screen only. */
  library: DocumentLibrary | null;
  journal?: EditJournal;
  /** This tab's session storage: a reload reopens the tab's own document. */
  tabSession: Pick<Storage, 'getItem' | 'setItem'> | null;
  tabId: string;
  /** Tells the other tabs (this tab's writes). */
  post(message: LibraryMessage): void;
  /** Read when a conflict is told: the library operations are made after the saver. */
  conflictWays(): ConflictWays;
  /** Shown on a failed save: saving to a file is the way out. */
  saveToFile?(): void;
}

/** Keeps the tab's open document in the browser's storage: drives the save-status machine and runs its effects. */
export interface DocumentSaver {
  /** The open document's id and stored revision; null when none is kept (read-only, or between documents). */
  current(): { id: string; baseRevision: number } | null;
  /** The kind of conflict holding writes back, if any. */
  conflict(): ConflictKind | null;
  /** Shows a document as this tab's open one, its stored copy as the base of the next write. */
  show(record: Pick<StoredDocument, 'id' | 'name' | 'revision' | 'savedAt'>, document: ErdDocument): void;
  /** Shows a document from a newer editor: never stored, never written. */
  showReadOnly(name: string, document: ErdDocument, reason: string): void;
  /** Lets the open document go (deleted, or given up in a conflict) before the next one is shown. */
  close(): void;
  /** Writes pending changes now (a page being hidden, a switch of document). */
  flush(): Promise<void>;
  hasUnsavedChanges(): boolean;
  /** Whether leaving now would lose edits: held back by a conflict, refused by the browser, or kept nowhere. */
  hasEditsAtRisk(): boolean;
  /** Says again that a conflict holds writes back (after an operation meant to end it failed). */
  retellConflict(): void;
  /** Hears another tab's message about the open document. */
  hear(message: LibraryMessage): void;
  /** The ways out of a failed write: try again, or save to a file. */
  recoveryActions(): NoticeAction[];
  dispose(): void;
}

/** Where a tab's session storage names its open document: a reload reopens it. */
export const sessionKey = 'erd-proof.documentId';

/** Creates the saver over a store; it writes every change within `maxWaitMs` and never over a newer revision. */
export function createDocumentSaver(store: StoreApi<EditorState>, options: DocumentSaverOptions): DocumentSaver {
  const { library, journal: editJournal, tabId, post } = options;
  let machine: SaveState = initialSaveState;
  let writing: Promise<void> | null = null;
  const state = () => store.getState();
  const scheduler = createWriteScheduler(() => void flush(), options);

  /** Moves the machine, shows its status, and runs what it asks for. */
  function apply(event: SaveEvent) {
    const shown = shownStatus(machine);
    const effects = move(event);
    if (shownStatus(machine) !== shown) showStatus();
    effects.forEach(run);
  }

  /** Moves the machine; returns the effects it asks for. */
  function move(event: SaveEvent): SaveEffect[] {
    const { state: next, effects } = nextSaveState(machine, event);
    machine = next;
    return effects;
  }

  /** Shows the machine's status in the store, with `patch` in the same update. */
  function showStatus(patch: Parameters<EditorState['setWork']>[0] = {}) {
    const status = shownStatus(machine);
    state().setWork(status === null ? patch : { ...patch, saveStatus: status });
  }

  function run(effect: SaveEffect) {
    if (effect.type === 'scheduleWrite') scheduler.schedule();
    else if (effect.type === 'cancelWrite') scheduler.cancel();
    else if (effect.type === 'tellConflict') tellConflict();
    else if (effect.type === 'clearConflict') state().dismissNotice('conflict');
    else if (effect.type === 'tellSaveFailed')
      state().showNotice(saveFailedNotice(state().documentName, effect.error, isKept(machine) ? machine.savedAt : 0, recoveryActions()));
    else if (effect.type === 'announceWritten' && isKept(machine)) {
      journal(); // cleared, or rebased on the new revision when edits came in during the write
      post({ type: 'saved', id: machine.id, revision: effect.revision, tabId });
      state().dismissNotice('save-failed');
    }
  }

  /** Records the open document in the journal while the browser's copy is behind it, and forgets it once it is not. */
  function journal() {
    if (!isKept(machine) || !library || !editJournal) return;
    if (state().document === machine.saved) editJournal.clear();
    else
      editJournal.write({
        documentId: machine.id,
        baseRevision: machine.baseRevision,
        name: state().documentName,
        document: state().document,
      });
  }

  const unsubscribe = store.subscribe((next, previous) => {
    if (next.document === previous.document || !isKept(machine)) return;
    // A drag moves the document on every frame: its journal entry is written once it ends (or the page is left).
    if (next.dragStartDocument === null) journal();
    apply({ type: 'edited', document: next.document, previous: previous.document });
  });

  function tellConflict() {
    if (machine.status !== 'conflict') return;
    const ways = options.conflictWays();
    state().showNotice(
      conflictNotice(machine.conflict, state().documentName, hasUnsavedChanges(machine, state().document), {
        loadTheirs: { label: 'Load the newer version', run: ways.loadTheirs },
        keepMine: { label: 'Keep mine as a copy', run: ways.keepMineAsCopy },
        letGo: { label: 'Let it go', run: ways.letGo },
      }),
    );
  }

  const recoveryActions = (): NoticeAction[] => [
    { label: 'Try again', run: () => void flush() },
    ...(options.saveToFile ? [{ label: 'Save to a file', run: options.saveToFile }] : []),
  ];

  async function flush(): Promise<void> {
    scheduler.cancel();
    if (state().dragStartDocument !== null) journal();
    while (writing) await writing;
    const document = state().document;
    if (!library || !isWriteDue(machine, document)) return;
    const { id, baseRevision, opening } = machine;
    apply({ type: 'writeStarted' });
    writing = (async () => {
      try {
        const result = await library.save(id, baseRevision, state().documentName, document);
        if (result.ok)
          apply({
            type: 'written',
            opening,
            document,
            revision: result.record.revision,
            savedAt: result.record.savedAt,
            current: state().document,
          });
        else apply({ type: 'writeRefused', opening });
      } catch (error) {
        apply({ type: 'writeFailed', opening, error });
      }
    })();
    try {
      await writing;
    } finally {
      writing = null;
    }
  }

  /** Another tab undid the delete of this tab's document: unchanged there, so this tab goes on saving. */
  async function recheckRestored(id: string, opening: number) {
    const read = await library?.read(id);
    if (read?.ok) apply({ type: 'restoredElsewhere', opening, revision: read.record.revision, current: state().document });
  }

  return {
    current: () => (isKept(machine) ? { id: machine.id, baseRevision: machine.baseRevision } : null),
    conflict: () => (machine.status === 'conflict' ? machine.conflict : null),
    show(record, document) {
      // The machine moves first, so that the store's new document reads as the stored one, not as an edit.
      move({
        type: 'opened',
        id: record.id,
        revision: record.revision,
        savedAt: record.savedAt,
        document,
        stored: library !== null,
      }).forEach(run);
      if (state().document !== document || state().readOnlyReason !== null) state().loadDocument(document);
      state().dismissNotice('read-only');
      showStatus({ documentId: record.id, documentName: record.name });
      state().dismissNotice('conflict');
      state().dismissNotice('save-failed');
      options.tabSession?.setItem(sessionKey, record.id);
      void library?.markOpen(record.id).catch(() => undefined);
      editJournal?.clear();
    },
    showReadOnly(name, document, reason) {
      move({ type: 'openedReadOnly' }).forEach(run);
      editJournal?.clear();
      state().loadDocument(document, reason);
      showStatus({ documentId: null, documentName: name });
    },
    close() {
      apply({ type: 'closed' });
      state().dismissNotice('conflict');
    },
    flush,
    hasUnsavedChanges: () => hasUnsavedChanges(machine, state().document),
    hasEditsAtRisk: () => hasEditsAtRisk(machine, state().document, editJournal?.holdsEdits() ?? false),
    retellConflict: tellConflict,
    hear(message) {
      if (!isKept(machine) || message.id !== machine.id) return;
      if (message.type === 'saved') apply({ type: 'savedElsewhere', revision: message.revision });
      else if (message.type === 'renamed') state().setWork({ documentName: message.name });
      else if (message.type === 'deleted') apply({ type: 'deletedElsewhere' });
      else if (message.type === 'created' && machine.status === 'conflict' && machine.conflict === 'deleted')
        void recheckRestored(machine.id, machine.opening);
    },
    recoveryActions,
    dispose() {
      scheduler.cancel();
      unsubscribe();
    },
  };
}
