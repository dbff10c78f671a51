import type * as Y from 'yjs';
import type { ErdDocument } from '../model/index.ts';
import { readRawDocument, readRawDocumentChange } from './readDocument.ts';
import { repairDocument } from './repairDocument.ts';
import { isStillWhole } from './changedScope.ts';
import { applyDocumentChange } from './writeDocument.ts';
import { completeDocument } from './completeDocument.ts';

/**
 * What a peer knows of a Y.Doc: the document as stored (`raw`, with the fields a project file may
 * leave out filled by completeDocument), the repaired one the editor shows
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
  const raw = completeDocument(readRawDocument(ydoc));
  const { document, dropped } = repairDocument(raw);
  return { raw, document, dropped, newlyDropped: dropped };
}

/** The document a Y.Doc holds, repaired: what every peer shows for it. */
export function readDocument(ydoc: Y.Doc): ErdDocument {
  return readDocumentState(ydoc).document;
}

/**
 * The state after a transaction someone else made (`ydoc.on('afterTransaction', (tr) => ...)` with
 * `tr.changed`: remote updates, and a Y.UndoManager's undo and redo), re-reading only what it
 * touched: untouched objects are the previous ones. Skip the transactions commitLocalChange makes.
 */
export function readDocumentChange(ydoc: Y.Doc, previous: DocumentState, changed: Y.Transaction['changed']): DocumentState {
  return stateAfter(previous, completeDocument(readRawDocumentChange(ydoc, previous.raw, changed)));
}

/**
 * A local edit: writes what differs between the shown document and `after` in one transaction with
 * `origin` (the origin a Y.UndoManager tracks), and returns the new state, whose document is `after`
 * itself (the objects the store already holds) unless the merge still needs repair.
 */
export function commitLocalChange(ydoc: Y.Doc, previous: DocumentState, after: ErdDocument, origin: unknown): DocumentState {
  let changed: Y.Transaction['changed'] | undefined;
  const listen = (transaction: Y.Transaction) => (changed = transaction.changed);
  ydoc.on('afterTransaction', listen);
  try {
    applyDocumentChange(ydoc, previous.document, after, origin);
  } finally {
    ydoc.off('afterTransaction', listen);
  }
  // With nothing repaired the Y.Doc held exactly the shown document, so it now holds exactly `after`.
  if (previous.raw === previous.document) return stateAfter(previous, after);
  return changed ? readDocumentChange(ydoc, previous, changed) : previous;
}

/** The state for a new stored document: repaired, checking only what changed when the previous one needed no repair. */
function stateAfter(previous: DocumentState, raw: ErdDocument): DocumentState {
  if (raw === previous.raw) return previous.newlyDropped.length === 0 ? previous : { ...previous, newlyDropped: [] };
  // Only a stored schema that needed no repair at all (not even a silent one) lets the check look at the change alone.
  if (previous.document.schema === previous.raw.schema && isStillWhole(previous.raw.schema, raw.schema)) {
    const repaired = repairDocument(raw, previous.document, { schemaIsWhole: true });
    if (repaired.dropped.length === 0) return { raw, document: repaired.document, dropped: [], newlyDropped: [] };
  }
  const repaired = repairDocument(raw, previous.document);
  const before = new Set(previous.dropped);
  const newlyDropped = repaired.dropped.filter((message) => !before.has(message));
  return { raw, document: repaired.document, dropped: repaired.dropped, newlyDropped };
}
