/** What one client may send: the server closes a connection that goes past these. */
export interface CollabLimits {
  /** Largest websocket message (and body of a room creation), in bytes. */
  maxMessageBytes: number;
  /** Messages a connection may send per second, on average. */
  messagesPerSecond: number;
  /** Messages a connection may send at once above that average (joining sends several). */
  burstMessages: number;
  /** Largest room, as its Yjs state plus the updates accepted since it was loaded, in bytes. */
  maxRoomBytes: number;
  /** Rooms one address may create per minute, on average (behind a proxy, every client shares its address). */
  roomsPerMinute: number;
  /** Rooms one address may create at once above that average. */
  burstRooms: number;
}

/** Limits that fit a 500-table document (a few hundred kB), a drag sending an update per frame, and a meeting sharing a few documents. */
export const defaultLimits: CollabLimits = {
  maxMessageBytes: 4 * 1024 * 1024,
  messagesPerSecond: 200,
  burstMessages: 2000,
  maxRoomBytes: 32 * 1024 * 1024,
  roomsPerMinute: 30,
  burstRooms: 60,
};

/** A token bucket: `take()` says whether one more message fits the rate. */
export function rateLimiter(limits: Pick<CollabLimits, 'messagesPerSecond' | 'burstMessages'>, now = () => performance.now()) {
  let tokens = limits.burstMessages;
  let last = now();
  return {
    take(): boolean {
      const time = now();
      tokens = Math.min(limits.burstMessages, tokens + ((time - last) / 1000) * limits.messagesPerSecond);
      last = time;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/** The part of a websocket the rate limit needs (ws's, as Hocuspocus hands it over). */
interface LimitedSocket {
  on(event: 'message', listener: () => void): void;
  close(code: number, reason: string): void;
}

/** Close code of a connection that sent too many messages. */
export const rateLimitedCode = 4429;

/**
 * Counts every message a websocket sends, before Hocuspocus reads it (also those it queues while the
 * token is checked, and those for any number of room names), and closes the socket past the rate.
 */
export function limitSocketRate(socket: LimitedSocket, limits: CollabLimits, log: (line: string) => void): void {
  const bucket = rateLimiter(limits);
  let closed = false;
  socket.on('message', () => {
    if (closed || bucket.take()) return;
    closed = true;
    log('closed a connection that sent too many messages');
    socket.close(rateLimitedCode, 'rate-limited');
  });
}

/** A rate limit per key (a client's address): `take(key)` says whether one more fits; forgets every key past `maxKeys`. */
export function keyedRateLimiter(limits: Pick<CollabLimits, 'messagesPerSecond' | 'burstMessages'>, maxKeys = 10_000) {
  const buckets = new Map<string, ReturnType<typeof rateLimiter>>();
  return {
    take(key: string): boolean {
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxKeys) buckets.clear();
        buckets.set(key, (bucket = rateLimiter(limits)));
      }
      return bucket.take();
    },
  };
}
