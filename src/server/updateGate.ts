import type * as Y from 'yjs';
import { checkRemoteUpdate, type UpdateVerdict } from '../collab/checkRemoteUpdate.ts';

export type { UpdateVerdict };

/** Decides whether a client's Yjs update may reach a room: checked before it is applied, never after. */
export type UpdateGate = (current: Y.Doc, update: Uint8Array) => UpdateVerdict;

/**
 * The server's gate: collab/'s check of what the update would make of the document (it decodes and
 * applies whole, keeps the document's format, and leaves a document the model accepts).
 */
export const checkUpdate: UpdateGate = (current, update) => checkRemoteUpdate(current, update);
