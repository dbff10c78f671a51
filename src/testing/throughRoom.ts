import * as Y from 'yjs';
import { checkRemoteUpdate, readDocument, writeDocument } from '../collab/index.ts';
import type { ErdDocument } from '../model/index.ts';

/** A document through a Y.Doc and its encoded update, as a peer joining a room receives it; throws when the room would refuse it. */
export function throughRoom(document: ErdDocument): ErdDocument {
  const ydoc = new Y.Doc();
  writeDocument(ydoc, document);
  const update = Y.encodeStateAsUpdate(ydoc);
  const verdict = checkRemoteUpdate(new Y.Doc(), update);
  if (!verdict.ok) throw new Error(`the room refused the document: ${verdict.reason}`);
  const joined = new Y.Doc();
  Y.applyUpdate(joined, update);
  return readDocument(joined);
}
