import { z } from 'zod';
import type { ErdDocument } from '../model/index.ts';
import { parseProjectFile, serializeProjectFile } from './projectFile.ts';
import type { ShapeOf } from './zodShape.ts';

/**
 * One document as the browser keeps it: a name and a revision beside the project file's own text,
 * so a stored document is validated on load by the same parser as a file.
 */
export interface StoredDocument {
  id: string;
  name: string;
  /** Goes up by one on every content write; a write based on an older revision is refused. */
  revision: number;
  createdAt: number;
  savedAt: number;
  /** The document as a project file (`serializeProjectFile`). */
  text: string;
}

/** What a document list shows without parsing every document. */
export type DocumentSummary = Pick<StoredDocument, 'id' | 'name' | 'revision' | 'savedAt'> & {
  /** Why the stored record cannot be opened, when it cannot. */
  damage?: string;
};

const storedSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  revision: z.number().int().nonnegative(),
  createdAt: z.number().finite(),
  savedAt: z.number().finite(),
  text: z.string(),
} satisfies ShapeOf<StoredDocument>);

/** A stored record read back: the record and its document, or why it cannot be opened. */
export type StoredRead =
  | {
      ok: true;
      record: StoredDocument;
      document: ErdDocument;
      /** Set when a newer editor stored it: it may only be looked at here. */ readOnlyReason?: string;
    }
  | { ok: false; error: string; summary: DocumentSummary };

/**
 * Validates a stored record's own fields (name, revision, dates) without parsing its document: what a
 * write needs to check the revision it builds on, at a fraction of a full read's cost.
 */
export function readStoredRecord(
  value: unknown,
  key: string,
): { ok: true; record: StoredDocument } | { ok: false; error: string; summary: DocumentSummary } {
  const meta = storedSchema.safeParse(value);
  if (meta.success) return { ok: true, record: meta.data };
  const issue = meta.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the record';
  const error = `the stored record is damaged (${where}: ${issue.message})`;
  const name = typeof (value as { name?: unknown } | null)?.name === 'string' ? (value as { name: string }).name : key;
  return { ok: false, error, summary: { id: key, name, revision: 0, savedAt: 0, damage: error } };
}

/** Validates a record read from storage (any shape may be there: another version, a damaged disk, a hand edit). */
export function readStoredDocument(value: unknown, key: string): StoredRead {
  const meta = readStoredRecord(value, key);
  if (!meta.ok) return meta;
  const { record } = meta;
  const loaded = parseProjectFile(record.text);
  if (!loaded.ok) {
    const error = `the stored document is damaged (${loaded.error})`;
    return { ok: false, error, summary: { ...summarizeRecord(record), damage: error } };
  }
  return loaded.readOnly
    ? { ok: true, record, document: loaded.document, readOnlyReason: loaded.message }
    : { ok: true, record, document: loaded.document };
}

/** The list entry of a valid record. */
export function summarizeRecord(record: StoredDocument): DocumentSummary {
  return { id: record.id, name: record.name, revision: record.revision, savedAt: record.savedAt };
}

/** A new record at revision 1. */
export function newStoredDocument(id: string, name: string, document: ErdDocument, now: number): StoredDocument {
  return { id, name, revision: 1, createdAt: now, savedAt: now, text: serializeProjectFile(document) };
}

/** A content write: this tab's document, saved on top of the revision it last loaded or saved. */
export interface ContentWrite {
  id: string;
  /** The revision this tab's copy is based on; 0 when it was never stored. */
  baseRevision: number;
  /** Used only when the record is not there (never stored, or deleted meanwhile): the name it is stored under. */
  name: string;
  document: ErdDocument;
  now: number;
}

/** What a content write does: the record to put, or the newer revision it would have overwritten. */
export type WritePlan = { ok: true; record: StoredDocument } | { ok: false; conflict: { revision: number } };

/**
 * Decides a write against what is stored now, inside the write's own transaction: a newer revision
 * than the one this copy is based on is never replaced. The stored name is kept (a rename in
 * another tab is not undone by a content write).
 */
export function planWrite(stored: StoredDocument | undefined, write: ContentWrite): WritePlan {
  const text = serializeProjectFile(write.document);
  if (!stored) {
    const record = newStoredDocument(write.id, write.name, write.document, write.now);
    return { ok: true, record: { ...record, revision: write.baseRevision + 1 } };
  }
  if (stored.revision !== write.baseRevision) return { ok: false, conflict: { revision: stored.revision } };
  return { ok: true, record: { ...stored, revision: stored.revision + 1, savedAt: write.now, text } };
}

/** What tabs tell each other about the documents they store. */
export type LibraryMessage =
  | { type: 'saved'; id: string; revision: number; tabId: string }
  | { type: 'renamed'; id: string; name: string; tabId: string }
  | { type: 'deleted'; id: string; tabId: string }
  | { type: 'created'; id: string; tabId: string };

const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('saved'), id: z.string(), revision: z.number(), tabId: z.string() }),
  z.object({ type: z.literal('renamed'), id: z.string(), name: z.string(), tabId: z.string() }),
  z.object({ type: z.literal('deleted'), id: z.string(), tabId: z.string() }),
  z.object({ type: z.literal('created'), id: z.string(), tabId: z.string() }),
]) satisfies z.ZodType<LibraryMessage>;

/** A message from another tab, or null when it is not one of ours (another version of the app, say). */
export function readLibraryMessage(data: unknown): LibraryMessage | null {
  const parsed = messageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Whether another tab's save leaves this tab's copy behind. */
export function isNewerThan(message: LibraryMessage, documentId: string, baseRevision: number): boolean {
  return message.type === 'saved' && message.id === documentId && message.revision > baseRevision;
}

/** `name`, or `name (2)`, `name (3)`... so that no two listed documents share a name. */
export function uniqueName(name: string, taken: readonly string[]): string {
  const names = new Set(taken);
  const base = name.trim() || 'Untitled';
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base} (${n})`)) return `${base} (${n})`;
}

/** The document name a file suggests: `shop.erd.json` -> `shop`. */
export function nameFromFileName(fileName: string): string {
  return (
    fileName
      .replace(/\.erd\.json$/i, '')
      .replace(/\.json$/i, '')
      .trim() || 'Untitled'
  );
}

/** A file name for a document: characters file systems refuse are replaced, and the project extension added. */
export function fileNameFor(name: string): string {
  const printable = [...name].filter((c) => c >= ' ').join('');
  const safe = printable
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return `${safe || 'diagram'}.erd.json`;
}
