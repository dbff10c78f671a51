/**
 * The document as a Yjs document. How the editor uses it:
 * - open: `writeDocument(ydoc, document)` on a fresh Y.Doc (first peer, a file, the library), or
 *   let the provider fill it; then `state = readDocumentState(ydoc)` and show `state.document`.
 * - local edit: `state = commitLocalChange(ydoc, state, after, origin)`; a Y.UndoManager tracking
 *   `origin` undoes only this person's edits.
 * - every other transaction (remote, undo, redo): `ydoc.on('afterTransaction', (tr) => tr.origin !==
 *   origin && (state = readDocumentChange(ydoc, state, tr.changed)))`, then tell the user `state.newlyDropped`.
 * - server: `checkRemoteUpdate(room, update)` before applying a peer's update.
 */
export { writeDocument, applyDocumentChange } from './writeDocument.ts';
export { readRawDocument } from './readDocument.ts';
export { readDocument, readDocumentState, readDocumentChange, commitLocalChange, type DocumentState } from './documentState.ts';
export { repairDocument, type Repair } from './repairDocument.ts';
export { checkRemoteUpdate, defaultDocumentLimits, type DocumentLimits, type UpdateVerdict } from './checkRemoteUpdate.ts';
export { yFormatVersion, rootNames, documentTypes, storedFormat } from './yShape.ts';
