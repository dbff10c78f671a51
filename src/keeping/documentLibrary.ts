import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { newId, type ErdDocument } from '../model/index.ts';
import {
  newStoredDocument,
  planWrite,
  readStoredDocument,
  readStoredRecord,
  summarizeRecord,
  type DocumentSummary,
  type StoredDocument,
  type StoredRead,
} from '../io/storedDocument.ts';

/** Values are `unknown`: whatever is on disk is validated on the way out, never trusted. */
interface LibrarySchema extends DBSchema {
  documents: { key: string; value: unknown };
  settings: { key: string; value: unknown };
}

/** The result of a content write: the new revision, or the newer one found stored (nothing was written). */
export type SaveResult = { ok: true; record: StoredDocument } | { ok: false; conflict: { revision: number } };

/** The documents kept in this browser (IndexedDB); every write is one transaction. */
export interface DocumentLibrary {
  list(): Promise<DocumentSummary[]>;
  /** One document, validated; undefined when there is no such record. */
  read(id: string): Promise<StoredRead | undefined>;
  create(name: string, document: ErdDocument): Promise<StoredDocument>;
  /**
   * Writes this tab's copy on top of `baseRevision`, read and written in one transaction: a newer
   * stored revision is never replaced, and a failed write (a full quota) leaves the old copy whole.
   */
  save(id: string, baseRevision: number, name: string, document: ErdDocument): Promise<SaveResult>;
  rename(id: string, name: string): Promise<void>;
  /** Deletes a document and returns it as it was, for undo. */
  remove(id: string): Promise<StoredDocument | undefined>;
  /** Puts a deleted document back, unless one with its id has appeared since. */
  restore(record: StoredDocument): Promise<void>;
  lastOpenId(): Promise<string | undefined>;
  /** Remembers the document a new tab (or a restarted browser) opens first. */
  markOpen(id: string): Promise<void>;
  close(): void;
}

const lastOpenKey = 'lastOpenId';

/**
 * Queues a transaction's writes (push each request as it is made) and waits for it to commit. A
 * write that throws while being queued aborts the whole transaction, so it is all or nothing, and
 * every rejection is observed.
 */
async function commit(tx: { done: Promise<void>; abort(): void }, queue: (requests: Promise<unknown>[]) => void): Promise<void> {
  const requests: Promise<unknown>[] = [tx.done];
  try {
    queue(requests);
  } catch (error) {
    for (const request of requests) request.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already finished: nothing of it was written.
    }
    throw error;
  }
  await Promise.all(requests);
}

/** Opens (creating on first use) the browser's document library. */
export async function openLibrary(name = 'erd-proof'): Promise<DocumentLibrary> {
  const db: IDBPDatabase<LibrarySchema> = await openDB<LibrarySchema>(name, 1, {
    upgrade(database) {
      database.createObjectStore('documents');
      database.createObjectStore('settings');
    },
  });

  return {
    async list() {
      const tx = db.transaction('documents');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      return values
        .map((value, i) => {
          const read = readStoredDocument(value, keys[i]!);
          return read.ok ? summarizeRecord(read.record) : read.summary;
        })
        .sort((a, b) => b.savedAt - a.savedAt);
    },

    async read(id) {
      const value = await db.get('documents', id);
      return value === undefined ? undefined : readStoredDocument(value, id);
    },

    async create(documentName, document) {
      const record = newStoredDocument(newId('doc'), documentName, document, Date.now());
      const tx = db.transaction(['documents', 'settings'], 'readwrite');
      await commit(tx, (requests) => {
        requests.push(tx.objectStore('documents').add(record, record.id));
        requests.push(tx.objectStore('settings').put(record.id, lastOpenKey));
      });
      return record;
    },

    async save(id, baseRevision, documentName, document) {
      const tx = db.transaction(['documents', 'settings'], 'readwrite');
      const documents = tx.objectStore('documents');
      const value = await documents.get(id);
      // Only the record's own fields: parsing the whole document on every autosave cost 50-70 ms while typing.
      const stored = value === undefined ? undefined : readStoredRecord(value, id);
      // A record whose own fields this tab cannot read is not replaced blindly; a newer write is caught by its revision.
      const plan: SaveResult =
        stored && !stored.ok
          ? { ok: false, conflict: { revision: stored.summary.revision } }
          : planWrite(stored?.record, { id, baseRevision, name: documentName, document, now: Date.now() });
      if (!plan.ok) {
        await tx.done;
        return plan;
      }
      await commit(tx, (requests) => {
        requests.push(documents.put(plan.record, id));
        requests.push(tx.objectStore('settings').put(id, lastOpenKey));
      });
      return plan;
    },

    async rename(id, documentName) {
      const tx = db.transaction('documents', 'readwrite');
      const read = readStoredDocument(await tx.store.get(id), id);
      if (read.ok) await tx.store.put({ ...read.record, name: documentName }, id);
      await tx.done;
    },

    async remove(id) {
      const tx = db.transaction('documents', 'readwrite');
      const read = readStoredDocument(await tx.store.get(id), id);
      await Promise.all([tx.store.delete(id), tx.done]);
      return read.ok ? read.record : undefined;
    },

    async restore(record) {
      const tx = db.transaction('documents', 'readwrite');
      if ((await tx.store.getKey(record.id)) === undefined) await tx.store.add(record, record.id);
      await tx.done;
    },

    async lastOpenId() {
      const value = await db.get('settings', lastOpenKey);
      return typeof value === 'string' ? value : undefined;
    },

    async markOpen(id) {
      await db.put('settings', id, lastOpenKey);
    },

    close: () => db.close(),
  };
}
