import * as Y from 'yjs';

/** The gate's answer on one update a client sent. */
export type UpdateVerdict = { ok: true } | { ok: false; reason: string };

/** Decides whether a client's Yjs update may reach a room: checked before it is applied, never after. */
export type UpdateGate = (current: Y.Doc, update: Uint8Array) => UpdateVerdict;

/**
 * The server's gate: the update must be a Yjs update that applies to a copy of the room without an
 * error. (collab/'s checkRemoteUpdate, the model's own check of what the update would make of the
 * document, takes this place when it lands.)
 */
export const checkUpdate: UpdateGate = (current, update) => {
  try {
    const trial = new Y.Doc({ gc: false });
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(current));
    Y.applyUpdate(trial, update);
    trial.destroy();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `not an update of this room (${(error as Error).name})` };
  }
};
