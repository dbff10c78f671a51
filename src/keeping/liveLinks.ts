/** The part of a page address that opens a live room: `#live=<room>.<token>`, never sent to a server. */
export const liveLinkPrefix = '#live=';

/** A room and the token that opens it (edit or view, the server knows which). */
export interface RoomKey {
  room: string;
  token: string;
}

/** The answer of `POST /api/rooms`. */
export interface CreatedRoom {
  room: string;
  editToken: string;
  viewToken: string;
}

/** The two links a new room is shared by. */
export interface LiveLinks {
  edit: string;
  view: string;
}

/** Room ids and tokens are base64url (144 random bits); anything else in a link is not ours. */
const secretPattern = /^[A-Za-z0-9_-]{16,128}$/;

/** The link that opens a room with a token, on this page's address (its own fragment replaced). */
export function liveLink(pageUrl: string, key: RoomKey): string {
  const url = new URL(pageUrl);
  url.hash = '';
  return `${url.toString().replace(/#$/, '')}${liveLinkPrefix}${key.room}.${key.token}`;
}

/** Both links of a new room. */
export function liveLinks(pageUrl: string, created: CreatedRoom): LiveLinks {
  return {
    edit: liveLink(pageUrl, { room: created.room, token: created.editToken }),
    view: liveLink(pageUrl, { room: created.room, token: created.viewToken }),
  };
}

/** The room a page's fragment opens, or null when it is not a (well-formed) live link. */
export function readLiveFragment(hash: string): RoomKey | null {
  if (!hash.startsWith(liveLinkPrefix)) return null;
  const [room, token, ...rest] = hash.slice(liveLinkPrefix.length).split('.');
  if (rest.length > 0 || !room || !token || !secretPattern.test(room) || !secretPattern.test(token)) return null;
  return { room, token };
}

/** Reads the server's answer to a room's creation, refusing anything that is not three well-formed secrets. */
export function readCreatedRoom(body: unknown): CreatedRoom | null {
  if (typeof body !== 'object' || body === null) return null;
  const { room, editToken, viewToken } = body as Record<string, unknown>;
  const ok = [room, editToken, viewToken].every((s) => typeof s === 'string' && secretPattern.test(s));
  return ok ? { room: room as string, editToken: editToken as string, viewToken: viewToken as string } : null;
}
