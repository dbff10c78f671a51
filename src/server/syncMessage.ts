/** What a message from a client carries, as far as the server's checks care. */
export type ClientMessage = { kind: 'document update'; update: Uint8Array } | { kind: 'other' } | { kind: 'malformed' };

// Hocuspocus's framing (lib0 encoding): varString document name, varUint message type, then for a Sync
// message (0, or 4 for SyncReply) a varUint y-protocols sync type, where 1 (SyncStep2) and 2 (Update)
// carry a varUint8Array Yjs update. Read here without lib0 (not a dependency of ours): a few lines.
const messageSync = 0;
const messageSyncReply = 4;
const syncStep2 = 1;
const syncUpdate = 2;

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
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
}

/** Reads a client's message: a Yjs update it would apply to the room (SyncStep2 or Update), or something else. */
export function readClientMessage(message: Uint8Array): ClientMessage {
  try {
    const reader = new Reader(message);
    reader.bytesOf(reader.varUint()); // the document name
    const type = reader.varUint();
    if (type !== messageSync && type !== messageSyncReply) return { kind: 'other' };
    const syncType = reader.varUint();
    if (syncType !== syncStep2 && syncType !== syncUpdate) return { kind: 'other' };
    return { kind: 'document update', update: reader.bytesOf(reader.varUint()) };
  } catch {
    return { kind: 'malformed' };
  }
}
