import type { ErdDocument } from '../model/index.ts';
import { projectFileVersion } from '../io/projectFile.ts';

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

/**
 * A page's journal lives in two slots written in turn: writing a new key and then removing the old
 * one cost a 500-table document a third of overwriting one key in Chromium, and at every moment one
 * slot holds a whole entry.
 */
export const journalKey = (pageId: string, slot: 0 | 1 = 0) => `${prefix}${pageId}.${slot}`;

/** Tables, relationships... as JSON, by object: an edit makes new objects only for what it changed, so the rest is not serialized again. */
const jsonOf = new WeakMap<object, string>();

function cachedJson(value: object): string {
  let json = jsonOf.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    jsonOf.set(value, json);
  }
  return json;
}

/** An array's JSON, each object in it through the cache. */
function arrayJson(items: readonly unknown[]): string {
  return `[${items.map((item) => (item !== null && typeof item === 'object' ? cachedJson(item) : JSON.stringify(item ?? null))).join(',')}]`;
}

/** An object's JSON with each of its arrays serialized element by element through the cache. */
function objectJson(value: object): string {
  const fields = Object.entries(value)
    .filter(([, field]) => field !== undefined)
    .map(([key, field]) => `${JSON.stringify(key)}:${Array.isArray(field) ? arrayJson(field) : JSON.stringify(field)}`);
  return `{${fields.join(',')}}`;
}

/** The document as `serializeProjectFile(document, 0)` writes it, reusing the JSON of every table and relationship the last edit did not touch. */
export function compactProjectFile(document: ErdDocument): string {
  const layout = Object.fromEntries(document.schema.tables.filter((t) => document.layout[t.id]).map((t) => [t.id, document.layout[t.id]]));
  const notes = document.notes?.length ? `,"notes":${arrayJson(document.notes)}` : '';
  // A version never changes once made, so its JSON is cached whole.
  const versions = document.versions?.length ? `,"versions":${arrayJson(document.versions)}` : '';
  return `{"format":"erd-proof","version":${projectFileVersion},"schema":${objectJson(document.schema)},"layout":${JSON.stringify(layout)}${notes}${versions}}\n`;
}

/** Opens this page's journal in `storage` (localStorage in the app). */
export function openEditJournal(storage: JournalStorage, pageId: string): EditJournal {
  let slot: 0 | 1 = 0;
  let sequence = 0;
  let isHeld = true;
  const clear = () => {
    storage.removeItem(journalKey(pageId, 0));
    storage.removeItem(journalKey(pageId, 1));
  };
  return {
    write({ document, ...meta }) {
      const next = slot === 0 ? 1 : 0;
      try {
        // One value, the meta line first: a crash never pairs one document's text with another's revision.
        storage.setItem(journalKey(pageId, next), `${JSON.stringify({ ...meta, sequence: ++sequence })}\n${compactProjectFile(document)}`);
        storage.removeItem(journalKey(pageId, slot));
        slot = next;
        isHeld = true;
      } catch {
        clear();
        isHeld = false;
      }
      return isHeld;
    },
    clear() {
      clear();
      isHeld = true;
    },
    holdsEdits: () => isHeld,
  };
}

/** Every page's latest journal entry in `storage`, by page id, with its keys; an entry that does not read is null, so it can be removed. */
export function readJournals(storage: JournalStorage): { pageId: string; keys: string[]; entry: JournalEntry | null }[] {
  const pages = new Map<string, { keys: string[]; entry: (JournalEntry & { sequence: number }) | null }>();
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(prefix)) continue;
    const pageId = key.slice(prefix.length).replace(/\.[01]$/, '');
    const page = pages.get(pageId) ?? { keys: [], entry: null };
    const entry = parseEntry(storage.getItem(key));
    page.keys.push(key);
    // Both slots are there only when a page went between writing one and removing the other: the later one is whole.
    if (entry && (!page.entry || entry.sequence >= page.entry.sequence)) page.entry = entry;
    pages.set(pageId, page);
  }
  return [...pages].map(([pageId, { keys, entry }]) => ({
    pageId,
    keys,
    entry: entry && { documentId: entry.documentId, baseRevision: entry.baseRevision, name: entry.name, text: entry.text },
  }));
}

function parseEntry(value: string | null): (JournalEntry & { sequence: number }) | null {
  const newline = value?.indexOf('\n') ?? -1;
  if (!value || newline < 0) return null;
  try {
    const meta = JSON.parse(value.slice(0, newline)) as Partial<JournalEntry & { sequence: number }>;
    if (typeof meta.documentId !== 'string' || typeof meta.baseRevision !== 'number' || typeof meta.name !== 'string') return null;
    return {
      documentId: meta.documentId,
      baseRevision: meta.baseRevision,
      name: meta.name,
      sequence: typeof meta.sequence === 'number' ? meta.sequence : 0,
      text: value.slice(newline + 1),
    };
  } catch {
    return null;
  }
}
