import { parseProjectFile, serializeProjectFile } from '../io/projectFile.ts';
import { uniqueName, type LibraryMessage } from '../io/storedDocument.ts';
import type { DocumentLibrary } from './documentLibrary.ts';
import { readJournals, type JournalEntry, type JournalStorage } from './editJournal.ts';

/** What recovering the journals needs: the storage, which pages are gone, and where to report. */
export interface RecoveryOptions {
  library: DocumentLibrary;
  storage: JournalStorage;
  /** This page's id: its own journal is live. */
  pageId: string;
  /** Whether the page that wrote a journal is gone (reloaded, closed, crashed); a live tab's journal is its own business. */
  isGone(pageId: string): Promise<boolean>;
  /** Tells the other tabs about a write, as a save would. */
  post(message: Omit<LibraryMessage, 'tabId'> & ({ type: 'saved'; revision: number } | { type: 'created' })): void;
  /** Says where edits went when they could not go back into their own document. */
  tell(text: string): void;
}

/**
 * Puts the edits of pages that ended before IndexedDB had them back where they belong: into their
 * document when it is still at the revision they were based on, else (another tab saved, or the
 * document was deleted) into a new document beside it, so nothing is written over and nothing lost.
 */
export async function recoverEdits(options: RecoveryOptions): Promise<void> {
  const { storage } = options;
  for (const { pageId, keys, entry } of readJournals(storage)) {
    if (pageId === options.pageId || !(await options.isGone(pageId))) continue;
    if (entry) {
      const kept = await recoverEntry(entry, options);
      if (!kept) continue; // written by a newer editor: left for it
    }
    keys.forEach((key) => storage.removeItem(key));
  }
}

/** Stores one journal's document; false when this version cannot read it (a newer editor wrote it). */
async function recoverEntry(entry: JournalEntry, { library, post, tell }: RecoveryOptions): Promise<boolean> {
  const loaded = parseProjectFile(entry.text);
  if (!loaded.ok) {
    tell(`Unsaved changes to “${entry.name}” were found but could not be read back (${loaded.error}).`);
    return true;
  }
  if (loaded.readOnly) return false;
  const stored = await library.read(entry.documentId);
  if (stored?.ok && stored.record.revision === entry.baseRevision) {
    const saved = await library.save(entry.documentId, entry.baseRevision, stored.record.name, loaded.document);
    if (saved.ok) {
      post({ type: 'saved', id: entry.documentId, revision: saved.record.revision });
      return true;
    }
  }
  // The write may have committed after all, as the page went away: then there is nothing to recover.
  if (stored?.ok && stored.record.text === serializeProjectFile(loaded.document)) return true;
  const name = uniqueName(
    `${stored?.ok ? stored.record.name : entry.name} (recovered)`,
    (await library.list()).map((d) => d.name),
  );
  const record = await library.create(name, loaded.document);
  post({ type: 'created', id: record.id });
  tell(`Changes to “${entry.name}” that were not stored when its tab closed are kept as “${name}”: the document had changed since.`);
  return true;
}
