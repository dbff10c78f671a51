import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Bytes of randomness in a room id or a token: 144 bits, above the 128 a guess must beat. */
const secretBytes = 18;

/** A new room id or token: unguessable, URL-safe (base64url, 24 characters). */
export function newSecret(): string {
  return randomBytes(secretBytes).toString('base64url');
}

/** The SHA-256 of a token, what the room store keeps: a leaked table does not hand out the tokens. */
export function tokenDigest(token: string): Uint8Array {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Whether `token` is the one `digest` was made from, compared in constant time. */
export function tokenMatches(token: string, digest: Uint8Array): boolean {
  const candidate = tokenDigest(token);
  return candidate.length === digest.length && timingSafeEqual(candidate, digest);
}

/** A short, one-way name for a room in the log: the log never holds a room id (the room's address) or a token. */
export function logName(room: string): string {
  return createHash('sha256').update(room, 'utf8').digest('hex').slice(0, 8);
}

/** Whether `text` has the shape of a room id (refused early, before any database look-up). */
export function looksLikeSecret(text: string): boolean {
  return /^[A-Za-z0-9_-]{24}$/.test(text);
}
