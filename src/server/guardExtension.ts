import type { Connection, Document, Extension, beforeHandleMessagePayload, onAuthenticatePayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { CollabLimits } from './limits.ts';
import { logName, looksLikeSecret, tokenMatches } from './roomSecrets.ts';
import type { RoomStore } from './roomStore.ts';
import { readClientMessage } from './syncMessage.ts';
import type { UpdateGate } from './updateGate.ts';

/** Close codes a client sees (4000-4999 are the application's). */
export const updateRefusedCode = 4400;

/** A refusal Hocuspocus passes to the client as its reason; no message, so Hocuspocus logs nothing (no room id). */
class Refusal extends Error {
  constructor(readonly reason: string) {
    super();
  }
}

/** Updates after which a room's size is measured again (encoding a 500-table room takes a few milliseconds). */
const updatesBetweenMeasures = 50;

/** WebSocket.OPEN. */
const openSocket = 1;

/** A promise that never settles: Hocuspocus applies a message only after beforeHandleMessage resolves, and logs the room id when it rejects. */
const dropped = () => new Promise<never>(() => {});

/**
 * The server's guard as a Hocuspocus extension: who may join a room (edit or view token), and every
 * message checked before Hocuspocus applies it (rate, room size, the update gate). A refused message
 * is dropped, logged with the room's short hash, and its connection closed.
 */
export function guardExtension(options: {
  store: RoomStore;
  limits: Pick<CollabLimits, 'maxRoomBytes' | 'maxAwarenessBytes'>;
  gate: UpdateGate;
  log: (line: string) => void;
  /** Told of each room a socket's token was accepted for (the socket's upgrade request names it). */
  onAuthenticated?: (request: object, room: string) => void;
}): Extension {
  const { store, limits, gate, log, onAuthenticated } = options;
  /** A room's size: measured, plus the updates accepted since (an upper bound: repeats and deletions do not grow it), measured again every few updates. */
  const roomBytes = new WeakMap<Document, { bytes: number; updates: number }>();
  /**
   * The awareness client each connection speaks for: the one its first awareness update named, if no
   * open connection to the room had it. Only its own presence is applied, so no one can put words in
   * another participant's name; a large presence closes the connection.
   */
  const awarenessClient = new WeakMap<Connection, number>();
  const claimedClients = new WeakMap<Document, Map<number, Connection>>();
  const claim = (document: Document, connection: Connection, clientId: number): boolean => {
    const claims = claimedClients.get(document) ?? new Map<number, Connection>();
    claimedClients.set(document, claims);
    const holder = claims.get(clientId);
    if (holder && holder !== connection && holder.webSocket.readyState === openSocket) return false;
    claims.set(clientId, connection);
    awarenessClient.set(connection, clientId);
    return true;
  };

  const refuse = (connection: Connection, reason: string, room: string) => {
    log(`refused a message in room ${logName(room)}: ${reason}; connection closed`);
    connection.webSocket.close(updateRefusedCode, 'update-refused');
    return dropped();
  };

  return {
    extensionName: 'erd-guard',
    async onAuthenticate({ documentName, token, connectionConfig, request }: onAuthenticatePayload) {
      const keys = looksLikeSecret(documentName) && typeof token === 'string' ? await store.findRoom(documentName) : undefined;
      if (keys && tokenMatches(token, keys.editDigest)) {
        onAuthenticated?.(request, documentName);
        return { access: 'edit' };
      }
      if (keys && tokenMatches(token, keys.viewDigest)) {
        connectionConfig.readOnly = true; // Hocuspocus itself then refuses this connection's updates
        onAuthenticated?.(request, documentName);
        return { access: 'view' };
      }
      throw new Refusal('permission-denied');
    },
    async beforeHandleMessage({ connection, document, documentName, update: message }: beforeHandleMessagePayload) {
      const read = readClientMessage(message);
      if (read.kind === 'refused') return refuse(connection, read.reason, documentName);
      if (read.kind === 'awareness') {
        if (read.bytes > limits.maxAwarenessBytes)
          return refuse(connection, `awareness of ${read.bytes} bytes is over ${limits.maxAwarenessBytes}`, documentName);
        // Providers echo the others' presence and time it out: such messages are dropped, not refused.
        const own = awarenessClient.get(connection);
        const [only, ...more] = read.clientIds;
        if (only === undefined || more.length > 0) return dropped();
        if (own === undefined ? !claim(document, connection, only) : only !== own) return dropped();
        return;
      }
      if (read.kind === 'other') return;
      if (connection.readOnly) {
        const problem = viewOnlyProblem(document, read.step, read.update);
        return problem ? refuse(connection, problem, documentName) : undefined;
      }
      const counted = roomBytes.get(document);
      const measure = () => ({ bytes: Y.encodeStateAsUpdate(document).length, updates: 0 });
      let room = !counted || counted.updates >= updatesBetweenMeasures ? measure() : counted;
      // The count is an upper bound: near the limit the room is measured before anything is refused.
      if (room === counted && room.bytes + read.update.length > limits.maxRoomBytes) room = measure();
      if (room.bytes + read.update.length > limits.maxRoomBytes)
        return refuse(connection, `room would pass ${limits.maxRoomBytes} bytes`, documentName);
      const verdict = checkedBy(gate, document, read.update);
      if (!verdict.ok) return refuse(connection, verdict.reason, documentName);
      roomBytes.set(document, { bytes: room.bytes + read.update.length, updates: room.updates + 1 });
    },
  };
}

/** The gate's verdict; a gate that throws refuses (its exception would reach Hocuspocus, which logs the room id). */
function checkedBy(gate: UpdateGate, document: Y.Doc, update: Uint8Array): ReturnType<UpdateGate> {
  try {
    return gate(document, update);
  } catch (error) {
    return { ok: false, reason: `the check threw (${(error as Error).message.slice(0, 80)})` };
  }
}

/**
 * Why a view-only connection's update is refused, before Hocuspocus reads it (it would throw, and log
 * the room id, on a malformed one): it may only answer the room's SyncStep1 with a SyncStep2 that
 * adds nothing (what a viewer's provider sends); anything that would change the room is refused.
 */
function viewOnlyProblem(document: Y.Doc, step: 'step2' | 'update', update: Uint8Array): string | undefined {
  if (step === 'update') return 'an update on a view-only token';
  try {
    return Y.snapshotContainsUpdate(Y.snapshot(document), update) ? undefined : 'changes on a view-only token';
  } catch {
    return 'a malformed update on a view-only token';
  }
}
