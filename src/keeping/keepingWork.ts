import type { StoreApi } from 'zustand';
import { serializeProjectFile } from '../io/projectFile.ts';
import { fileNameFor } from '../io/storedDocument.ts';
import { flushDrafts, type EditorState } from '../store/index.ts';
import { openLibrary, type DocumentLibrary } from './documentLibrary.ts';
import { openEditJournal, type EditJournal } from './editJournal.ts';
import { pageIsGone, startPageLife } from './pageLife.ts';
import { recoverEdits } from './recoverEdits.ts';
import { pickProjectFile, saveProjectFile } from './projectFiles.ts';
import { openSharedDocument } from './shareLinks.ts';
import { loadTemplateDocument } from './templateDocuments.ts';
import { createWorkKeeper, type WorkKeeper } from './workKeeper.ts';
import { describeStorageError } from './workNotices.ts';
import { whenPageLeaves } from './writeScheduler.ts';

/** Past this, a browser that never answers the storage request is treated as having none. */
const libraryTimeoutMs = 5000;

let keeper: WorkKeeper | undefined;

/** The tab's keeper, once `startKeepingWork` has run (before the editor renders). */
export function workKeeper(): WorkKeeper {
  if (!keeper) throw new Error('startKeepingWork has not run');
  return keeper;
}

/**
 * Opens the browser's storage, loads the document this tab had open (or the first-start one), and
 * writes pending changes when the page is hidden or left. Never throws: without storage the editor
 * still opens, and says so.
 */
export async function startKeepingWork(store: StoreApi<EditorState>): Promise<void> {
  let library: DocumentLibrary | null = null;
  let libraryError: string | undefined;
  try {
    library = await Promise.race([
      openLibrary(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('IndexedDB did not answer')), libraryTimeoutMs)),
    ]);
  } catch (error) {
    libraryError = describeStorageError(error);
  }
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('erd-proof-documents');
  const tabSession = safeSessionStorage();
  const journal = await startJournal(store, library, tabSession, channel);
  keeper = createWorkKeeper(store, {
    library,
    libraryError,
    channel,
    tabSession,
    journal,
    loadTemplate: loadTemplateDocument,
    saveToFile: () => void saveToFile(store),
  });
  try {
    await keeper.start();
  } catch (error) {
    store.getState().showNotice({
      id: 'start-failed',
      tone: 'error',
      text: `Your stored documents could not be read (${describeStorageError(error)}); they are left as they were.`,
    });
    store.getState().loadDocument(await loadTemplateDocument({ id: 'blank', title: 'Blank', why: '', fileName: null }));
  }
  const shared = () =>
    openSharedDocument(store, keeper!).catch((error: unknown) =>
      store
        .getState()
        .showNotice({ id: 'share', tone: 'error', text: `This share link could not be opened: ${describeStorageError(error)}.` }),
    );
  await shared();
  window.addEventListener('hashchange', () => void shared());
  // What was typed is committed (and so journaled) before the page goes; the write to IndexedDB may not finish, the journal has it.
  whenPageLeaves(() => {
    flushDrafts();
    void keeper?.flush();
  });
  window.addEventListener('beforeunload', (event) => {
    flushDrafts();
    if (keeper?.hasEditsAtRisk()) event.preventDefault();
  });
}

/**
 * Starts this page's edit journal and first puts back the edits of pages that ended before their
 * write reached IndexedDB (this tab before a reload, a closed or crashed tab). Null without
 * localStorage or a library: leaving then asks first, as edits are kept nowhere.
 */
async function startJournal(
  store: StoreApi<EditorState>,
  library: DocumentLibrary | null,
  tabSession: Storage | null,
  channel: BroadcastChannel | null,
): Promise<EditJournal | undefined> {
  const storage = safeLocalStorage();
  if (!library || !storage) return undefined;
  const page = startPageLife(tabSession);
  try {
    await recoverEdits({
      library,
      storage,
      pageId: page.id,
      isGone: (pageId) => (pageId === page.previousId ? Promise.resolve(true) : pageIsGone(pageId)),
      post: (message) => channel?.postMessage({ ...message, tabId: page.id }),
      tell: (text) => store.getState().showNotice({ id: 'recovered', tone: 'info', text }),
    });
  } catch (error) {
    store.getState().showNotice({
      id: 'recovered',
      tone: 'error',
      text: `Unsaved changes from an earlier visit could not be put back (${describeStorageError(error)}); they are left where they were.`,
    });
  }
  return openEditJournal(storage, page.id);
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Saves the open document as a `.erd.json` file; a failure is a notice, never a thrown error. */
export async function saveToFile(store: StoreApi<EditorState>): Promise<void> {
  const { document, documentName, showNotice, readOnlyReason } = store.getState();
  if (readOnlyReason !== null) return; // written in this version's format, it would drop what the newer one added
  try {
    await saveProjectFile(fileNameFor(documentName), serializeProjectFile(document));
  } catch (error) {
    showNotice({ id: 'file-error', tone: 'error', text: `Could not save the file: ${describeStorageError(error)}.` });
  }
}

/** Asks for a project file and opens it as a new document. */
export async function openFromFile(store: StoreApi<EditorState>): Promise<void> {
  try {
    const picked = await pickProjectFile();
    if (picked) await workKeeper().importFile(picked.name, picked.text);
  } catch (error) {
    store.getState().showNotice({
      id: 'file-error',
      tone: 'error',
      text: `Could not read the file: ${describeStorageError(error)}. The open document is untouched.`,
    });
  }
}
