import type { ErdDocument } from '../model/index.ts';
import { serializeProjectFile } from '../io/projectFile.ts';

/**
 * The synchronous journal of edits not yet in IndexedDB. An IndexedDB write is asynchronous, so a
 * reload, a closed tab or a crashed renderer can come before it commits; localStorage is written
 * before the edit's task ends and survives all three. Each page load has its own entry (two tabs on
 * one document never overwrite each other's), removed once IndexedDB holds what it holds.
 */

/** What localStorage offers the journal. */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** One page's edits not yet stored: the document as a project file, on top of the revision it was based on. */
export interface JournalEntry {
  documentId: string;
  /** The stored revision the edits build on: recovery writes over that revision only. */
  baseRevision: number;
  name: string;
  /** The document as a compact project file, so a later version of the editor can still read it. */
  text: string;
}

/** The open document's journal in this page: written after every edit, cleared once stored. */
export interface EditJournal {
  /** Records the document synchronously; false when the browser refused (its storage is full), and then nothing stale is left. */
  write(entry: Omit<JournalEntry, 'text'> & { document: ErdDocument }): boolean;
  clear(): void;
  /** Whether the last write succeeded and nothing has been edited since a failed one. */
  holdsEdits(): boolean;
}

const prefix = 'erd-proof.journal.';

/** The storage key of a page's journal. */
export const journalKey = (pageId: string) => `${prefix}${pageId}`;

/** Opens this page's journal in `storage` (localStorage in the app). */
export function openEditJournal(storage: JournalStorage, pageId: string): EditJournal {
  const key = journalKey(pageId);
  let isHeld = true;
  return {
    write({ document, ...meta }) {
      try {
        // The meta line first, then the text: one value, so a crash never pairs one document's text with another's revision.
        storage.setItem(key, `${JSON.stringify(meta)}\n${serializeProjectFile(document, 0)}`);
        isHeld = true;
      } catch {
        storage.removeItem(key);
        isHeld = false;
      }
      return isHeld;
    },
    clear() {
      storage.removeItem(key);
      isHeld = true;
    },
    holdsEdits: () => isHeld,
  };
}

/** Every page's journal in `storage`, by page id; entries that do not read are returned as null so they can be removed. */
export function readJournals(storage: JournalStorage): { pageId: string; entry: JournalEntry | null }[] {
  const found: { pageId: string; entry: JournalEntry | null }[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) found.push({ pageId: key.slice(prefix.length), entry: parseEntry(storage.getItem(key)) });
  }
  return found;
}

function parseEntry(value: string | null): JournalEntry | null {
  const newline = value?.indexOf('\n') ?? -1;
  if (!value || newline < 0) return null;
  try {
    const meta = JSON.parse(value.slice(0, newline)) as Partial<JournalEntry>;
    if (typeof meta.documentId !== 'string' || typeof meta.baseRevision !== 'number' || typeof meta.name !== 'string') return null;
    return { documentId: meta.documentId, baseRevision: meta.baseRevision, name: meta.name, text: value.slice(newline + 1) };
  } catch {
    return null;
  }
}
