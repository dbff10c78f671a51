import type { StoreApi } from 'zustand';
import type { ErdDocument } from '../model/index.ts';
import { readLibraryMessage, type DocumentSummary, type LibraryMessage } from '../io/storedDocument.ts';
import type { Template } from '../io/templates.ts';
import type { EditorState } from '../store/index.ts';
import type { DocumentLibrary } from './documentLibrary.ts';
import { createDocumentSaver } from './documentSaver.ts';
import type { EditJournal } from './editJournal.ts';
import { createLibraryChanges } from './libraryChanges.ts';
import { createLibraryOperations, guardOperations, type LibraryContext } from './libraryOperations.ts';

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

/**
 * Creates the keeper over a store: the saver of the open document (the save-status machine, its
 * writes and the other tabs' news) and the library's operations around it, each guarded so that a
 * storage failure is a message.
 */
export function createWorkKeeper(store: StoreApi<EditorState>, options: WorkKeeperOptions): WorkKeeper {
  const { library, channel, quietMs = 400, maxWaitMs = 1000 } = options;
  const tabId = crypto.randomUUID();
  const listeners = new Set<() => void>();
  const context: LibraryContext = {
    library,
    libraryError: options.libraryError,
    tabSession: options.tabSession,
    loadTemplate: options.loadTemplate,
    tabId,
    post: (message: LibraryMessage) => channel?.postMessage(message),
    changed: () => listeners.forEach((listener) => listener()),
  };
  const saver = createDocumentSaver(store, {
    ...context,
    journal: options.journal,
    quietMs,
    maxWaitMs,
    saveToFile: options.saveToFile,
    conflictWays: () => ({
      loadTheirs: () => void loadTheirs(),
      keepMineAsCopy: () => void keepMineAsCopy(),
      letGo: () => void guarded('open another document', operations.openAnother, undefined)(),
    }),
  });
  const guarded = guardOperations(store, saver);
  const operations = createLibraryOperations(store, saver, context, guarded);
  const changes = createLibraryChanges(store, saver, operations, context, guarded);
  const loadTheirs = guarded('load the newer version', operations.loadTheirs, undefined);
  const keepMineAsCopy = guarded("keep this tab's version as a copy", operations.keepMineAsCopy, undefined);

  channel?.addEventListener('message', (event) => {
    const message = readLibraryMessage(event.data);
    if (!message || message.tabId === tabId) return;
    context.changed();
    saver.hear(message);
  });

  return {
    start: operations.start,
    flush: saver.flush,
    list: async () => (library ? library.list() : []),
    open: guarded('open the document', operations.open, false),
    create: guarded('create the document', operations.create, false),
    createFromTemplate: guarded(
      'create the document',
      async (template: Template) =>
        operations.create(template.fileName ? template.title : 'Untitled', await options.loadTemplate(template)),
      false,
    ),
    openReadOnly: guarded('open the document', operations.openReadOnly, false),
    importFile: guarded('store the file as a document', operations.importFile, false),
    duplicate: guarded('duplicate the document', changes.duplicate, undefined),
    rename: guarded('rename the document', changes.rename, undefined),
    remove: guarded('delete the document', changes.remove, undefined),
    loadTheirs,
    keepMineAsCopy,
    hasEditsAtRisk: saver.hasEditsAtRisk,
    onLibraryChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      saver.dispose();
      channel?.close();
    },
  };
}
