import type * as Y from 'yjs';
import type { ErdDocument } from '../model/index.ts';
import { readRawDocument, readRawDocumentChange } from './readDocument.ts';
import { repairDocument } from './repairDocument.ts';
import { isStillWhole } from './changedScope.ts';

/**
 * What a peer knows of a Y.Doc: the document as stored (`raw`), the repaired one the editor shows
 * (`document`, the same object when nothing needed repair), everything the repair drops, in plain
 * words, and what the last change newly dropped (to tell the user once). The repair is recomputed from `raw` on every change, never from the
 * previous repaired document, so every peer shows the same document for the same Y.Doc whatever
 * order its changes came in (a relationship dropped while its table was missing comes back when an
 * undo restores the table).
 */
export interface DocumentState {
  raw: ErdDocument;
  document: ErdDocument;
  dropped: string[];
  newlyDropped: string[];
}

/** Reads a whole Y.Doc: on joining a room or opening a stored document. */
export function readDocumentState(ydoc: Y.Doc): DocumentState {
  const raw = readRawDocument(ydoc);
  const { document, dropped } = repairDocument(raw);
  return { raw, document, dropped, newlyDropped: dropped };
}

/** The document a Y.Doc holds, repaired: what every peer shows for it. */
export function readDocument(ydoc: Y.Doc): ErdDocument {
  return readDocumentState(ydoc).document;
}

/**
 * The state after a transaction (`ydoc.on('afterTransaction', (tr) => ...)` with `tr.changed`),
 * re-reading only what it touched: untouched objects are the previous ones. Run it on remote and undo transactions; a local edit already has
 * its document in the store, but running it there too keeps `raw` current for the next change.
 */
export function readDocumentChange(ydoc: Y.Doc, previous: DocumentState, changed: Y.Transaction['changed']): DocumentState {
  const raw = readRawDocumentChange(ydoc, previous.raw, changed);
  if (raw === previous.raw) return previous.newlyDropped.length === 0 ? previous : { ...previous, newlyDropped: [] };
  if (previous.dropped.length === 0 && isStillWhole(previous.raw.schema, raw.schema)) {
    const repaired = repairDocument(raw, previous.document, { schemaIsWhole: true });
    if (repaired.dropped.length === 0) return { raw, document: repaired.document, dropped: [], newlyDropped: [] };
  }
  const repaired = repairDocument(raw, previous.document);
  const before = new Set(previous.dropped);
  const newlyDropped = repaired.dropped.filter((message) => !before.has(message));
  return { raw, document: repaired.document, dropped: repaired.dropped, newlyDropped };
}
