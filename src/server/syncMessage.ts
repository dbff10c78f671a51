import * as Y from 'yjs';

/** What a message from a client carries, as far as the server's checks care. */
export type ClientMessage =
  | { kind: 'document update'; step: 'step2' | 'update'; update: Uint8Array }
  | { kind: 'awareness'; clientIds: number[]; bytes: number }
  | { kind: 'other' }
  | { kind: 'refused'; reason: string };

// Hocuspocus's framing (lib0 encoding): varString document name, varUint message type, then per type:
// Sync (0, or 4 for SyncReply): a varUint y-protocols sync type, 0 (SyncStep1) with a state vector,
// 1 (SyncStep2) or 2 (Update) with a Yjs update, each a varUint8Array; Awareness (1): a varUint8Array
// of [count, then clientID, clock, JSON state per client]; Auth (2): a varUint auth type, 0 (Token) with
// a varString; QueryAwareness (3) and Close (7): nothing; Stateless (5): a varString. Read here without
// lib0 (not a dependency of ours): a few lines. Anything Hocuspocus would throw on is refused first,
// since Hocuspocus logs the document name (the room id) with the error.
const type = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, syncReply: 4, stateless: 5, broadcastStateless: 6, close: 7 } as const;
const tokenAuth = 0;
const sync = { step1: 0, step2: 1, update: 2 } as const;

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  get done(): boolean {
    return this.at === this.bytes.length;
  }
  varUint(): number {
    let value = 0;
    for (let shift = 0; shift < 53; shift += 7) {
      const byte = this.bytes[this.at++];
      if (byte === undefined) throw new RangeError('message ends inside a number');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new RangeError('number too long');
  }
  bytesOf(length: number): Uint8Array {
    if (this.at + length > this.bytes.length) throw new RangeError('message shorter than it says');
    const slice = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return slice;
  }
  varBytes(): Uint8Array {
    return this.bytesOf(this.varUint());
  }
  varString(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.varBytes());
  }
}

/** The clients an awareness update speaks for, as y-protocols writes it (every state JSON); undefined when malformed. */
function awarenessClients(payload: Uint8Array): number[] | undefined {
  const reader = new Reader(payload);
  const clientIds: number[] = [];
  for (let count = reader.varUint(); count > 0; count--) {
    clientIds.push(reader.varUint());
    reader.varUint(); // clock
    JSON.parse(reader.varString());
  }
  return reader.done ? clientIds : undefined;
}

function read(message: Uint8Array): ClientMessage {
  const reader = new Reader(message);
  reader.varString(); // the document name
  const messageType = reader.varUint();
  if (messageType === type.sync || messageType === type.syncReply) {
    const syncType = reader.varUint();
    const payload = reader.varBytes();
    if (syncType === sync.step2 || syncType === sync.update)
      return { kind: 'document update', step: syncType === sync.step2 ? 'step2' : 'update', update: payload };
    if (syncType !== sync.step1) return { kind: 'refused', reason: `unknown sync message ${syncType}` };
    Y.decodeStateVector(payload);
    return { kind: 'other' };
  }
  if (messageType === type.awareness) {
    const payload = reader.varBytes();
    const clientIds = awarenessClients(payload);
    if (!clientIds || !reader.done) return { kind: 'refused', reason: 'malformed awareness' };
    return { kind: 'awareness', clientIds, bytes: payload.length };
  }
  if (messageType === type.broadcastStateless)
    return { kind: 'refused', reason: 'broadcast stateless messages are not used by the editor' };
  if (messageType === type.auth) {
    const authType = reader.varUint();
    if (authType !== tokenAuth) return { kind: 'refused', reason: `unknown auth message ${authType}` };
    reader.varString();
  } else if (messageType === type.stateless) reader.varString();
  else if (messageType !== type.queryAwareness && messageType !== type.close)
    return { kind: 'refused', reason: `unknown message type ${messageType}` };
  return reader.done ? { kind: 'other' } : { kind: 'refused', reason: 'bytes after the message' };
}

/** Reads a client's message: a Yjs update it would apply to the room (SyncStep2 or Update), something else, or something refused. */
export function readClientMessage(message: Uint8Array): ClientMessage {
  try {
    return read(message);
  } catch (error) {
    return { kind: 'refused', reason: `malformed message (${(error as Error).message.slice(0, 80)})` };
  }
}
