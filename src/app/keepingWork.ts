import type { StoreApi } from 'zustand';
import { serializeProjectFile } from '../io/projectFile.ts';
import { fileNameFor } from '../io/storedDocument.ts';
import type { EditorState } from '../store/index.ts';
import { openLibrary, type DocumentLibrary } from './documentLibrary.ts';
import { pickProjectFile, saveProjectFile } from './projectFiles.ts';
import { openSharedDocument } from './shareLinks.ts';
import { loadTemplateDocument } from './templateDocuments.ts';
import { createWorkKeeper, type WorkKeeper } from './workKeeper.ts';
import { describeStorageError } from './workNotices.ts';

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
  keeper = createWorkKeeper(store, {
    library,
    libraryError,
    channel: typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('erd-proof-documents'),
    tabSession: safeSessionStorage(),
    loadTemplate: loadTemplateDocument,
    saveToFile: () => void saveToFile(store),
  });
  try {
    await keeper.start();
  } catch (error) {
    store.getState().showNotice({ id: 'start-failed', tone: 'error', text: `Your stored documents could not be read (${describeStorageError(error)}); they are left as they were.` });
    store.getState().loadDocument(await loadTemplateDocument({ id: 'blank', title: 'Blank', why: '', fileName: null }));
  }
  const shared = () => openSharedDocument(store, keeper!).catch((error: unknown) => store.getState().showNotice({ id: 'share', tone: 'error', text: `This share link could not be opened: ${describeStorageError(error)}.` }));
  await shared();
  window.addEventListener('hashchange', () => void shared());
  window.addEventListener('pagehide', () => void keeper?.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void keeper?.flush();
  });
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
    store.getState().showNotice({ id: 'file-error', tone: 'error', text: `Could not read the file: ${describeStorageError(error)}. The open document is untouched.` });
  }
}
