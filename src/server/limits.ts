/** What one client may send: the server closes a connection that goes past these. */
export interface CollabLimits {
  /** Largest websocket message (and body of a room creation), in bytes. */
  maxMessageBytes: number;
  /** Messages a connection may send per second, on average. */
  messagesPerSecond: number;
  /** Messages a connection may send at once above that average (joining sends several). */
  burstMessages: number;
  /** Bytes a connection may send per second, on average. */
  bytesPerSecond: number;
  /** Bytes a connection may send at once above that average (at least one largest message). */
  burstBytes: number;
  /** A connection that has not joined a room with a valid token by then is closed. */
  authenticateWithinMs: number;
  /** Messages a connection may send for a room before its token is accepted (the provider sends three). */
  messagesBeforeAuthentication: number;
  /** Bytes a connection may send for a room before its token is accepted. */
  bytesBeforeAuthentication: number;
  /** Connections one address (an IPv6 /64) may hold open (behind a proxy, every client shares its address). */
  socketsPerAddress: number;
  /** Largest awareness (presence) message: a name, a colour, a cursor, a viewport and the selected tables' ids. */
  maxAwarenessBytes: number;
  /** Largest room, as its Yjs state plus the updates accepted since it was loaded, in bytes. */
  maxRoomBytes: number;
  /** Rooms one address (an IPv6 /64) may create per minute, on average (behind a proxy, every client shares its address). */
  roomsPerMinute: number;
  /** Rooms one address may create at once above that average. */
  burstRooms: number;
  /** Rooms all addresses together may create per minute, on average. */
  allRoomsPerMinute: number;
  /** Rooms all addresses together may create at once above that average. */
  allBurstRooms: number;
}

/** Limits that fit a 500-table document (a few hundred kB), a drag sending an update per frame, and a meeting sharing a few documents. */
export const defaultLimits: CollabLimits = {
  maxMessageBytes: 4 * 1024 * 1024,
  messagesPerSecond: 200,
  burstMessages: 2000,
  bytesPerSecond: 1024 * 1024,
  burstBytes: 8 * 1024 * 1024,
  authenticateWithinMs: 10_000,
  messagesBeforeAuthentication: 8,
  bytesBeforeAuthentication: 64 * 1024,
  socketsPerAddress: 256,
  maxAwarenessBytes: 64 * 1024,
  maxRoomBytes: 32 * 1024 * 1024,
  roomsPerMinute: 30,
  burstRooms: 60,
  allRoomsPerMinute: 300,
  allBurstRooms: 600,
};

/** A token bucket: `take(amount)` says whether `amount` more (one message, or its bytes) fits the rate. */
export function rateLimiter(limits: Pick<CollabLimits, 'messagesPerSecond' | 'burstMessages'>, now = () => performance.now()) {
  let tokens = limits.burstMessages;
  let last = now();
  return {
    take(amount = 1): boolean {
      const time = now();
      tokens = Math.min(limits.burstMessages, tokens + ((time - last) / 1000) * limits.messagesPerSecond);
      last = time;
      if (tokens < amount) return false;
      tokens -= amount;
      return true;
    },
  };
}

/** The key a client's address is limited under: an IPv4 address, or the /64 of an IPv6 one (one host holds a whole /64). */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group || '0', 16).toString(16))
    .join(':')}::/64`;
}

/** A rate limit per key (a client's address): `take(key)` says whether one more fits; past `maxKeys`, the key seen longest ago is forgotten. */
export function keyedRateLimiter(
  limits: Pick<CollabLimits, 'messagesPerSecond' | 'burstMessages'>,
  maxKeys = 10_000,
  now = () => performance.now(),
) {
  const buckets = new Map<string, ReturnType<typeof rateLimiter>>();
  return {
    take(key: string): boolean {
      let bucket = buckets.get(key);
      if (bucket)
        buckets.delete(key); // seen again: moved to the end of the order
      else {
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
        bucket = rateLimiter(limits, now);
      }
      buckets.set(key, bucket);
      return bucket.take();
    },
  };
}

/** The room-creation limit: per address (an IPv6 /64), and for all addresses together (so many addresses cannot fill the store). */
export function roomCreationLimiter(
  limits: Pick<CollabLimits, 'roomsPerMinute' | 'burstRooms' | 'allRoomsPerMinute' | 'allBurstRooms'>,
  now = () => performance.now(),
) {
  const perAddress = keyedRateLimiter({ messagesPerSecond: limits.roomsPerMinute / 60, burstMessages: limits.burstRooms }, 10_000, now);
  const overall = rateLimiter({ messagesPerSecond: limits.allRoomsPerMinute / 60, burstMessages: limits.allBurstRooms }, now);
  return { take: (address: string): boolean => perAddress.take(addressKey(address)) && overall.take() };
}
