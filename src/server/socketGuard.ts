import { addressKey, rateLimiter, type CollabLimits } from './limits.ts';

/** The part of a websocket the guard needs (ws's, as the server hands it over). */
export interface GuardedSocket {
  on(event: 'message', listener: (data: unknown) => void): void;
  on(event: 'close', listener: () => void): void;
  close(code: number, reason: string): void;
}

/** Close code of a connection that sent too much (messages or bytes). */
export const rateLimitedCode = 4429;
/** Close code of a connection that did not authenticate in time, or sent too much before it did. */
export const unauthenticatedCode = 4401;
/** Close code of a connection past the number one address may hold open. */
export const tooManySocketsCode = 4408;

/** Room names a socket may have waiting for their token check at once (the editor joins one). */
const maxPendingRooms = 4;

/** The socket-level limits. */
export type SocketLimits = Pick<
  CollabLimits,
  | 'messagesPerSecond'
  | 'burstMessages'
  | 'bytesPerSecond'
  | 'burstBytes'
  | 'authenticateWithinMs'
  | 'messagesBeforeAuthentication'
  | 'bytesBeforeAuthentication'
  | 'socketsPerAddress'
>;

/**
 * Guards every websocket before Hocuspocus reads its messages. Hocuspocus queues, unbounded, every
 * message for a room whose token it has not yet accepted (and keeps queueing after refusing it), so
 * a socket is closed when it has no room within `authenticateWithinMs`, or sends a room not (yet)
 * accepted more than a few messages or bytes; every socket also has a rate in messages and in bytes,
 * and one address only so many sockets open.
 */
export function socketGuard(limits: SocketLimits, log: (line: string) => void, now = () => performance.now()) {
  const byRequest = new WeakMap<object, (room: string) => void>();
  const openByAddress = new Map<string, number>();

  return {
    /** Starts guarding a socket that just opened; `request` is its upgrade request, `address` its client's. */
    watch(socket: GuardedSocket, request: object, address: string): void {
      const key = addressKey(address);
      const open = (openByAddress.get(key) ?? 0) + 1;
      openByAddress.set(key, open);
      let closed = false;
      const close = (code: number, reason: string, line: string) => {
        if (closed) return;
        closed = true;
        log(line);
        socket.close(code, reason);
      };
      const accepted = new Set<string>();
      const pending = new Map<string, { messages: number; bytes: number }>();
      const timer = setTimeout(() => {
        if (accepted.size === 0) close(unauthenticatedCode, 'unauthenticated', 'closed a connection that did not authenticate in time');
      }, limits.authenticateWithinMs);
      socket.on('close', () => {
        clearTimeout(timer);
        const left = (openByAddress.get(key) ?? 1) - 1;
        if (left > 0) openByAddress.set(key, left);
        else openByAddress.delete(key);
      });
      if (open > limits.socketsPerAddress) {
        close(tooManySocketsCode, 'too-many-connections', 'closed a connection past the number one address may open');
        return;
      }
      byRequest.set(request, (room) => {
        accepted.add(room);
        pending.delete(room);
      });
      const messages = rateLimiter(limits, now);
      const bytes = rateLimiter(
        { messagesPerSecond: limits.bytesPerSecond, burstMessages: Math.max(limits.burstBytes, limits.bytesPerSecond) },
        now,
      );
      socket.on('message', (data) => {
        if (closed) return;
        const message = bytesOf(data);
        if (!messages.take()) return close(rateLimitedCode, 'rate-limited', 'closed a connection that sent too many messages');
        if (!bytes.take(message.byteLength)) return close(rateLimitedCode, 'rate-limited', 'closed a connection that sent too many bytes');
        const room = roomOf(message);
        if (room !== undefined && accepted.has(room)) return;
        const waiting = pending.get(room ?? '') ?? { messages: 0, bytes: 0 };
        waiting.messages += 1;
        waiting.bytes += message.byteLength;
        pending.set(room ?? '', waiting);
        if (
          pending.size > maxPendingRooms ||
          waiting.messages > limits.messagesBeforeAuthentication ||
          waiting.bytes > limits.bytesBeforeAuthentication
        )
          close(unauthenticatedCode, 'unauthenticated', 'closed a connection that sent too much before authenticating');
      });
    },
    /** The guard accepted a token for `room` on the socket opened by `request`: its messages for that room now go through. */
    authenticated(request: object, room: string): void {
      byRequest.get(request)?.(room);
    },
  };
}

/** A message's bytes, whatever form ws hands it in (a Buffer, an ArrayBuffer, or fragments). */
function bytesOf(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) {
    const parts = data as Uint8Array[];
    const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
    let at = 0;
    for (const part of parts) {
      whole.set(part, at);
      at += part.byteLength;
    }
    return whole;
  }
  return new Uint8Array(0);
}

/** The room name a Hocuspocus message starts with (a varUint length, then UTF-8), or undefined when it has none. */
function roomOf(message: Uint8Array): string | undefined {
  let length = 0;
  let at = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    const byte = message[at++];
    if (byte === undefined) return undefined;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  if (at + length > message.length) return undefined;
  return new TextDecoder().decode(message.subarray(at, at + length));
}
