import type { StoreApi } from 'zustand';
import type { ErdDocument } from '../model/index.ts';
import { parseProjectFile } from '../io/projectFile.ts';
import { nameFromFileName, uniqueName, type LibraryMessage, type StoredDocument } from '../io/storedDocument.ts';
import { firstStartTemplate, type Template } from '../io/templates.ts';
import type { EditorState } from '../store/index.ts';
import type { DocumentLibrary } from './documentLibrary.ts';
import { sessionKey, type DocumentSaver } from './documentSaver.ts';
import { tooLargeToOpen } from './projectFiles.ts';
import { cannotLeaveNotice, damagedNotice, fileErrorNotice, operationFailedNotice, readOnlyNotice } from './workNotices.ts';

/** What the operations work with besides the saver: the storage, the tab, the templates, and the other tabs. */
export interface LibraryContext {
  library: DocumentLibrary | null;
  /** Why there is no library, for the message. */
  libraryError?: string;
  tabSession: Pick<Storage, 'getItem' | 'setItem'> | null;
  loadTemplate(template: Template): Promise<ErdDocument>;
  tabId: string;
  post(message: LibraryMessage): void;
  /** Tells the documents menu that the list of documents changed. */
  changed(): void;
}

/** A storage operation the user asked for, made safe: a failure is a message (and a pending conflict is told again), never a thrown error. */
export type Guard = <A extends unknown[], R>(what: string, run: (...args: A) => Promise<R>, fallback: R) => (...args: A) => Promise<R>;

/** The guard of one tab's operations. */
export function guardOperations(store: StoreApi<EditorState>, saver: DocumentSaver): Guard {
  return (what, run, fallback) =>
    async (...args) => {
      try {
        return await run(...args);
      } catch (error) {
        store.getState().showNotice(operationFailedNotice(what, error));
        saver.retellConflict();
        return fallback;
      }
    };
}

/**
 * The documents menu's operations on the library, around the saver of the open document: which
 * document a tab shows, and what happens to the one it leaves. Each throws on a storage failure;
 * the keeper guards them.
 */
export function createLibraryOperations(store: StoreApi<EditorState>, saver: DocumentSaver, context: LibraryContext, guarded: Guard) {
  const { library, tabId, post, changed } = context;
  const state = () => store.getState();

  const takenNames = async (): Promise<string[]> => (library ? (await library.list()).map((d) => d.name) : []);

  /** Saves what is pending before another document replaces it; false when that would lose work. */
  async function leaveCurrent(): Promise<boolean> {
    await saver.flush();
    if (!saver.hasUnsavedChanges()) return true;
    if (saver.conflict()) {
      await keepMineAsCopy();
      return true;
    }
    state().showNotice(cannotLeaveNotice(state().documentName, saver.recoveryActions()));
    return false;
  }

  async function create(name: string, document: ErdDocument): Promise<boolean> {
    if (!(await leaveCurrent())) return false;
    if (!library) {
      saver.show({ id: 'unsaved', name, revision: 0, savedAt: 0 }, document);
      return true;
    }
    const record = await library.create(uniqueName(name, await takenNames()), document);
    saver.show(record, document);
    post({ type: 'created', id: record.id, tabId });
    changed();
    return true;
  }

  async function open(id: string): Promise<boolean> {
    const openId = saver.current()?.id;
    if (!library || openId === id) return openId === id;
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
    display(read);
    return true;
  }

  /**
   * Shows a document from a newer editor without making it this tab's stored one: nothing is written
   * (saving would drop what this version does not know) until the user saves an editable copy.
   */
  async function openReadOnly(name: string, document: ErdDocument, reason: string): Promise<boolean> {
    if (!(await leaveCurrent())) return false;
    showReadOnly(name, document, reason);
    return true;
  }

  function showReadOnly(name: string, document: ErdDocument, reason: string) {
    saver.showReadOnly(name, document, reason);
    const saveCopy = guarded('store an editable copy', () => create(`${name} (editable copy)`, document), false);
    state().showNotice(readOnlyNotice(name, reason, { label: 'Save an editable copy', run: () => void saveCopy() }));
  }

  /** Shows a stored document: editable, or read-only when a newer editor stored it. */
  function display(read: { record: StoredDocument; document: ErdDocument; readOnlyReason?: string }): void {
    if (read.readOnlyReason) showReadOnly(read.record.name, read.document, read.readOnlyReason);
    else saver.show(read.record, read.document);
  }

  const showDamaged = (name: string, error: string) => state().showNotice(damagedNotice(name, error));

  /** After the open document was deleted or let go: the newest other one, or a blank one. */
  async function openAnother(): Promise<void> {
    saver.close();
    for (const summary of library ? await library.list() : []) {
      if (summary.damage) continue;
      const read = await library!.read(summary.id);
      if (read?.ok) return display(read);
    }
    await create('Untitled', await context.loadTemplate({ id: 'blank', title: 'Blank', why: '', fileName: null }));
  }

  /** Replaces this tab's copy with the newer one another tab saved. */
  async function loadTheirs(): Promise<void> {
    const current = saver.current();
    if (!library || !current) return;
    const read = await library.read(current.id);
    // Gone meanwhile: another tab deleted it, as its message (maybe not here yet) says.
    if (!read) return void saver.hear({ type: 'deleted', id: current.id, tabId });
    if (!read.ok) return showDamaged(state().documentName, read.error);
    saver.show(read.record, read.document);
  }

  /** Stores this tab's copy as a new document, leaving the other tab's version where it was. */
  async function keepMineAsCopy(): Promise<void> {
    if (!library || !saver.current()) return;
    const original = state().documentName;
    const document = state().document;
    const record = await library.create(uniqueName(`${original} (my copy)`, await takenNames()), document);
    saver.show(record, document);
    post({ type: 'created', id: record.id, tabId });
    changed();
    state().showNotice({
      id: 'kept-copy',
      tone: 'info',
      text: `This tab's version is kept as “${record.name}”; “${original}” keeps the other tab's version.`,
    });
  }

  /** Opens the tab's document, the last one opened, the newest one, or the first-start template. */
  async function start(): Promise<void> {
    if (!library) {
      const document = await context.loadTemplate(firstStartTemplate);
      saver.show({ id: 'unsaved', name: firstStartTemplate.title, revision: 0, savedAt: 0 }, document);
      state().showNotice({
        id: 'storage-unavailable',
        tone: 'error',
        text: `This browser does not let the editor keep work (${context.libraryError ?? 'no IndexedDB'}): changes are lost on reload. Save your work to a file.`,
      });
      return;
    }
    const candidates = [context.tabSession?.getItem(sessionKey), await library.lastOpenId()];
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
    await create(firstStartTemplate.title, await context.loadTemplate(firstStartTemplate));
  }

  /** Opens a project file's text as a new document; a bad file leaves everything as it was. */
  async function importFile(fileName: string, text: string): Promise<boolean> {
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
  }

  return { start, create, open, openReadOnly, importFile, openAnother, loadTheirs, keepMineAsCopy, takenNames };
}

/** The operations a keeper offers on the documents of the library, unguarded. */
export type LibraryOperations = ReturnType<typeof createLibraryOperations>;
