import type { StoreApi } from 'zustand';
import type { ErdDocument } from '../model/index.ts';
import { parseProjectFile } from '../io/projectFile.ts';
import {
  isNewerThan,
  nameFromFileName,
  readLibraryMessage,
  uniqueName,
  type DocumentSummary,
  type LibraryMessage,
  type StoredDocument,
} from '../io/storedDocument.ts';
import { firstStartTemplate, type Template } from '../io/templates.ts';
import type { EditorState } from '../store/index.ts';
import type { DocumentLibrary } from './documentLibrary.ts';
import type { EditJournal } from './editJournal.ts';
import { tooLargeToOpen } from './projectFiles.ts';
import { cannotLeaveNotice, conflictNotice, damagedNotice, fileErrorNotice, operationFailedNotice, readOnlyNotice, saveFailedNotice } from './workNotices.ts';

/** What the keeper needs of a BroadcastChannel. */
export interface TabChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** What a keeper works with: the storage, the other tabs, this tab's session, the templates. */
export interface WorkKeeperOptions {
  /** Null when the browser's storage could not be opened: work is then kept on screen only. */
  library: DocumentLibrary | null;
  /** Why there is no library, for the message. */
  libraryError?: string;
  channel: TabChannel | null;
  /** This tab's session storage: a reload reopens the tab's own document. */
  tabSession: Pick<Storage, 'getItem' | 'setItem'> | null;
  loadTemplate(template: Template): Promise<ErdDocument>;
  /** A change is written this long after the last one... */
  quietMs?: number;
  /** ...and never later than this after the first unsaved one. */
  maxWaitMs?: number;
  /** Shown on a failed save: saving to a file is the way out. */
  saveToFile?(): void;
  /** Holds every edit synchronously until IndexedDB has it, so a reload or a crash loses nothing. */
  journal?: EditJournal;
}

/** Keeps the open document in the browser's storage and answers the documents menu; one per tab. */
export interface WorkKeeper {
  /** Opens the tab's document, the last one opened, the newest one, or the first-start template. */
  start(): Promise<void>;
  /** Writes pending changes now (a page being hidden, a switch of document). */
  flush(): Promise<void>;
  list(): Promise<DocumentSummary[]>;
  open(id: string): Promise<boolean>;
  create(name: string, document: ErdDocument): Promise<boolean>;
  createFromTemplate(template: Template): Promise<boolean>;
  /** Opens a project file's text as a new document; a bad file leaves everything as it was. */
  importFile(fileName: string, text: string): Promise<boolean>;
  /** Shows a document from a newer editor, never stored or written, until the user saves an editable copy. */
  openReadOnly(name: string, document: ErdDocument, reason: string): Promise<boolean>;
  duplicate(id: string, options: { open: boolean }): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Replaces this tab's copy with the newer one another tab saved. */
  loadTheirs(): Promise<void>;
  /** Stores this tab's copy as a new document, leaving the other tab's version where it was. */
  keepMineAsCopy(): Promise<void>;
  /** Called when any tab changes the list of documents. */
  onLibraryChange(listener: () => void): () => void;
  /** Whether leaving now would lose edits: held back by a conflict, refused by the browser, or kept nowhere. */
  hasEditsAtRisk(): boolean;
  dispose(): void;
}

const sessionKey = 'erd-proof.documentId';

/** Creates the keeper over a store; it writes every change within `maxWaitMs` and never over a newer revision. */
export function createWorkKeeper(store: StoreApi<EditorState>, options: WorkKeeperOptions): WorkKeeper {
  const { library, channel, tabSession, quietMs = 400, maxWaitMs = 1000 } = options;
  const tabId = crypto.randomUUID();
  const listeners = new Set<() => void>();
  let current: { id: string; baseRevision: number } | null = null;
  /** The document as the browser has it for `current`: no write is due while the store holds this one. */
  let savedDocument: ErdDocument | null = null;
  let lastSavedAt = 0;
  let conflict: 'newer' | 'deleted' | null = null;
  let writing: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstUnsavedAt = 0;

  const state = () => store.getState();
  const setWork = (patch: Parameters<EditorState['setWork']>[0]) => state().setWork(patch);
  const post = (message: LibraryMessage) => channel?.postMessage(message);
  const changed = () => listeners.forEach((listener) => listener());
  const hasUnsavedChanges = () => current !== null && state().document !== savedDocument;
  /** Records the open document in the journal while the browser's copy is behind it, and forgets it once it is not. */
  const journal = () => {
    if (!current || !library || !options.journal) return;
    if (state().document === savedDocument) options.journal.clear();
    else options.journal.write({ documentId: current.id, baseRevision: current.baseRevision, name: state().documentName, document: state().document });
  };
  const clearTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  function schedule() {
    const now = Date.now();
    if (timer === undefined) firstUnsavedAt = now;
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), Math.max(0, Math.min(quietMs, firstUnsavedAt + maxWaitMs - now)));
  }

  const unsubscribe = store.subscribe((next, previous) => {
    if (next.document === previous.document || !current) return;
    // A drag moves the document on every frame: its journal entry is written once it ends (or the page is left).
    if (next.dragStartDocument === null) journal();
    if (next.document === savedDocument) {
      if (next.saveStatus === 'unsaved') setWork({ saveStatus: 'saved' });
      clearTimer();
      return;
    }
    // The first change held back by a conflict: the message now says this tab has changes of its own.
    if (conflict && previous.document === savedDocument) enterConflict(conflict);
    if (conflict || !library) return;
    if (next.saveStatus === 'saved') setWork({ saveStatus: 'unsaved' });
    schedule();
  });

  /** Shows a document as this tab's open one, its stored copy as the base of the next write. */
  function show(record: Pick<StoredDocument, 'id' | 'name' | 'revision' | 'savedAt'>, document: ErdDocument) {
    clearTimer();
    current = { id: record.id, baseRevision: record.revision };
    savedDocument = document;
    lastSavedAt = record.savedAt;
    conflict = null;
    if (state().document !== document || state().readOnlyReason !== null) state().loadDocument(document);
    state().dismissNotice('read-only');
    setWork({ documentId: record.id, documentName: record.name, saveStatus: library ? 'saved' : 'failed' });
    state().dismissNotice('conflict');
    state().dismissNotice('save-failed');
    tabSession?.setItem(sessionKey, record.id);
    void library?.markOpen(record.id).catch(() => undefined);
    options.journal?.clear();
  }

  async function flush(): Promise<void> {
    clearTimer();
    if (state().dragStartDocument !== null) journal();
    while (writing) await writing;
    const target = current;
    const document = state().document;
    if (!library || !target || conflict || document === savedDocument) return;
    setWork({ saveStatus: 'saving' });
    writing = (async () => {
      try {
        const result = await library.save(target.id, target.baseRevision, state().documentName, document);
        if (current !== target) return;
        if (!result.ok) {
          enterConflict('newer');
          return;
        }
        target.baseRevision = result.record.revision;
        savedDocument = document;
        lastSavedAt = result.record.savedAt;
        journal(); // cleared, or rebased on the new revision when edits came in during the write
        post({ type: 'saved', id: target.id, revision: result.record.revision, tabId });
        state().dismissNotice('save-failed');
        const isCurrent = state().document === document;
        setWork({ saveStatus: isCurrent ? 'saved' : 'unsaved' });
        if (!isCurrent) schedule();
      } catch (error) {
        if (current !== target) return;
        setWork({ saveStatus: 'failed' });
        showSaveFailure(error);
      }
    })();
    try {
      await writing;
    } finally {
      writing = null;
    }
  }

  /** The ways out of a failed write: try again, or save to a file. */
  const recoveryActions = () => [{ label: 'Try again', run: () => void flush() }, ...(options.saveToFile ? [{ label: 'Save to a file', run: options.saveToFile }] : [])];

  function showSaveFailure(error: unknown) {
    state().showNotice(saveFailedNotice(state().documentName, error, lastSavedAt, recoveryActions()));
  }

  function enterConflict(kind: 'newer' | 'deleted') {
    conflict = kind;
    clearTimer();
    setWork({ saveStatus: 'conflict' });
    state().showNotice(
      conflictNotice(kind, state().documentName, hasUnsavedChanges(), {
        loadTheirs: { label: 'Load the newer version', run: () => void guardedLoadTheirs() },
        keepMine: { label: 'Keep mine as a copy', run: () => void guardedKeepMine() },
        letGo: { label: 'Let it go', run: () => void guarded('open another document', openAnother, undefined)() },
      }),
    );
  }

  channel?.addEventListener('message', (event) => {
    const message = readLibraryMessage(event.data);
    if (!message || message.tabId === tabId) return;
    changed();
    if (!current || message.id !== current.id) return;
    if (isNewerThan(message, current.id, current.baseRevision)) enterConflict('newer');
    else if (message.type === 'renamed') setWork({ documentName: message.name });
    else if (message.type === 'deleted') enterConflict('deleted');
    else if (message.type === 'created' && conflict === 'deleted') void recheckRestored(current);
  });

  /** Another tab undid the delete of this tab's document: unchanged there, so this tab goes on saving. */
  async function recheckRestored(target: { id: string; baseRevision: number }) {
    const read = await library?.read(target.id);
    if (!read?.ok || read.record.revision !== target.baseRevision || current !== target) return;
    conflict = null;
    state().dismissNotice('conflict');
    setWork({ saveStatus: hasUnsavedChanges() ? 'unsaved' : 'saved' });
    if (hasUnsavedChanges()) schedule();
  }

  /** Saves what is pending before another document replaces it; false when that would lose work. */
  async function leaveCurrent(): Promise<boolean> {
    await flush();
    if (!hasUnsavedChanges()) return true;
    if (conflict) {
      await keepMineAsCopy();
      return true;
    }
    state().showNotice(cannotLeaveNotice(state().documentName, recoveryActions()));
    return false;
  }

  async function takenNames(): Promise<string[]> {
    return library ? (await library.list()).map((d) => d.name) : [];
  }

  async function create(name: string, document: ErdDocument): Promise<boolean> {
    if (!(await leaveCurrent())) return false;
    if (!library) {
      show({ id: 'unsaved', name, revision: 0, savedAt: 0 }, document);
      return true;
    }
    const record = await library.create(uniqueName(name, await takenNames()), document);
    show(record, document);
    post({ type: 'created', id: record.id, tabId });
    changed();
    return true;
  }

  async function open(id: string): Promise<boolean> {
    if (!library || current?.id === id) return current?.id === id;
    if (!(await leaveCurrent())) return false;
    const read = await library.read(id);
    if (!read) {
      state().showNotice({ id: 'open-failed', tone: 'error', text: 'That document is no longer stored here (deleted in another tab?).' });
      changed();
      return false;
    }
    if (!read.ok) {
      showDamaged(read.summary.name, read.error);
      return false;
    }
    if (read.readOnlyReason) return showReadOnly(read.record.name, read.document, read.readOnlyReason);
    show(read.record, read.document);
    return true;
  }

  /**
   * Shows a document from a newer editor without making it this tab's stored one: nothing is written
   * (saving would drop what this version does not know) until the user saves an editable copy.
   */
  async function openReadOnly(name: string, document: ErdDocument, reason: string): Promise<boolean> {
    if (!(await leaveCurrent())) return false;
    return showReadOnly(name, document, reason);
  }

  /** Shows a stored document: editable, or read-only when a newer editor stored it. */
  function display(read: { record: StoredDocument; document: ErdDocument; readOnlyReason?: string }): void {
    if (read.readOnlyReason) showReadOnly(read.record.name, read.document, read.readOnlyReason);
    else show(read.record, read.document);
  }

  function showReadOnly(name: string, document: ErdDocument, reason: string): boolean {
    clearTimer();
    current = null;
    savedDocument = null;
    conflict = null;
    options.journal?.clear();
    state().loadDocument(document, reason);
    setWork({ documentId: null, documentName: name, saveStatus: 'readOnly' });
    state().showNotice(readOnlyNotice(name, reason, { label: 'Save an editable copy', run: () => void guarded('store an editable copy', () => create(`${name} (editable copy)`, document), false)() }));
    return true;
  }

  function showDamaged(name: string, error: string) {
    state().showNotice(damagedNotice(name, error));
  }

  /** After the open document was deleted or let go: the newest other one, or a blank one. */
  async function openAnother(): Promise<void> {
    current = null;
    savedDocument = null;
    conflict = null;
    state().dismissNotice('conflict');
    for (const summary of library ? await library.list() : []) {
      if (summary.damage) continue;
      const read = await library!.read(summary.id);
      if (read?.ok) return display(read);
    }
    await create('Untitled', await options.loadTemplate({ id: 'blank', title: 'Blank', why: '', fileName: null }));
  }

  async function loadTheirs(): Promise<void> {
    if (!library || !current) return;
    const read = await library.read(current.id);
    if (!read) return enterConflict('deleted');
    if (!read.ok) return showDamaged(state().documentName, read.error);
    show(read.record, read.document);
  }

  async function keepMineAsCopy(): Promise<void> {
    if (!library || !current) return;
    const original = state().documentName;
    const document = state().document;
    const record = await library.create(uniqueName(`${original} (my copy)`, await takenNames()), document);
    show(record, document);
    post({ type: 'created', id: record.id, tabId });
    changed();
    state().showNotice({ id: 'kept-copy', tone: 'info', text: `This tab's version is kept as “${record.name}”; “${original}” keeps the other tab's version.` });
  }

  /** A storage operation the user asked for: a failure is a message (and a pending conflict is offered again), never a thrown error. */
  function guarded<A extends unknown[], R>(what: string, run: (...args: A) => Promise<R>, fallback: R): (...args: A) => Promise<R> {
    return async (...args) => {
      try {
        return await run(...args);
      } catch (error) {
        state().showNotice(operationFailedNotice(what, error));
        if (conflict) enterConflict(conflict);
        return fallback;
      }
    };
  }
  const guardedLoadTheirs = guarded('load the newer version', loadTheirs, undefined);
  const guardedKeepMine = guarded("keep this tab's version as a copy", keepMineAsCopy, undefined);

  return {
    async start() {
      if (!library) {
        const document = await options.loadTemplate(firstStartTemplate);
        show({ id: 'unsaved', name: firstStartTemplate.title, revision: 0, savedAt: 0 }, document);
        state().showNotice({
          id: 'storage-unavailable',
          tone: 'error',
          text: `This browser does not let the editor keep work (${options.libraryError ?? 'no IndexedDB'}): changes are lost on reload. Save your work to a file.`,
        });
        return;
      }
      const candidates = [tabSession?.getItem(sessionKey), await library.lastOpenId()];
      for (const id of candidates) {
        if (!id) continue;
        const read = await library.read(id);
        if (read?.ok) return display(read);
        if (read) showDamaged(read.summary.name, read.error);
      }
      for (const summary of await library.list()) {
        const read = summary.damage ? undefined : await library.read(summary.id);
        if (read?.ok) return display(read);
      }
      await create(firstStartTemplate.title, await options.loadTemplate(firstStartTemplate));
    },
    flush,
    list: async () => (library ? library.list() : []),
    open: guarded('open the document', open, false),
    create: guarded('create the document', create, false),
    createFromTemplate: guarded('create the document', async (template: Template) => create(template.fileName ? template.title : 'Untitled', await options.loadTemplate(template)), false),
    openReadOnly: guarded('open the document', openReadOnly, false),
    importFile: guarded('store the file as a document', async (fileName: string, text: string) => {
      const tooLarge = tooLargeToOpen(fileName, text.length);
      if (tooLarge) {
        state().showNotice(fileErrorNotice(fileName, tooLarge));
        return false;
      }
      const loaded = parseProjectFile(text);
      if (!loaded.ok) {
        state().showNotice(fileErrorNotice(fileName, loaded.error));
        return false;
      }
      state().dismissNotice('file-error');
      if (loaded.readOnly) return openReadOnly(nameFromFileName(fileName), loaded.document, loaded.message);
      return create(nameFromFileName(fileName), loaded.document);
    }, false),
    duplicate: guarded('duplicate the document', async (id: string, { open: andOpen }: { open: boolean }) => {
      if (!library) return;
      if (id === current?.id) await flush();
      const read = await library.read(id);
      if (!read?.ok) return;
      const name = uniqueName(`${read.record.name} (copy)`, await takenNames());
      if (andOpen) {
        await create(name, id === current?.id ? state().document : read.document);
        return;
      }
      const record = await library.create(name, read.document);
      if (current) await library.markOpen(current.id);
      post({ type: 'created', id: record.id, tabId });
      changed();
    }, undefined),
    rename: guarded('rename the document', async (id: string, name: string) => {
      const trimmed = name.trim();
      if (!library || !trimmed) return;
      await library.rename(id, trimmed);
      if (id === current?.id) setWork({ documentName: trimmed });
      post({ type: 'renamed', id, name: trimmed, tabId });
      changed();
    }, undefined),
    remove: guarded('delete the document', async (id: string) => {
      if (!library) return;
      const wasOpen = id === current?.id;
      if (wasOpen) await flush();
      const record = await library.remove(id);
      post({ type: 'deleted', id, tabId });
      if (wasOpen) await openAnother();
      changed();
      if (!record) return;
      state().showNotice({
        id: 'deleted',
        tone: 'info',
        text: `Deleted “${record.name}”.`,
        actions: [
          {
            label: 'Undo',
            run: () =>
              void guarded('bring the document back', async () => {
                await library.restore(record);
                post({ type: 'created', id: record.id, tabId });
                changed();
                if (wasOpen) await open(record.id);
              }, undefined)(),
          },
        ],
      });
    }, undefined),
    loadTheirs: guardedLoadTheirs,
    keepMineAsCopy: guardedKeepMine,
    hasEditsAtRisk: () => hasUnsavedChanges() && (conflict !== null || !library || state().saveStatus === 'failed' || !(options.journal?.holdsEdits() ?? false)),
    onLibraryChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      clearTimer();
      unsubscribe();
      channel?.close();
    },
  };
}
