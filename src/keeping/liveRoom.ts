import { HocuspocusProvider } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { storedFormat } from '../collab/index.ts';
import { readCreatedRoom, type CreatedRoom, type RoomKey } from './liveLinks.ts';

/** Where the page finds the collaboration server: its own origin (the dev server proxies, `erd serve` serves both). */
export function collabUrl(page: Location): string {
  return `${page.protocol === 'https:' ? 'wss' : 'ws'}://${page.host}/collab`;
}

/** Makes a room holding the Y.Doc's document: its Yjs state is the body of `POST /api/rooms`. */
export async function createRoom(ydoc: Y.Doc): Promise<CreatedRoom> {
  const response = await fetch('/api/rooms', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Blob([Y.encodeStateAsUpdate(ydoc) as Uint8Array<ArrayBuffer>]),
  });
  if (!response.ok) throw new Error(roomRefusal(response.status));
  const created = readCreatedRoom(await response.json().catch(() => null));
  if (!created) throw new Error('the server answered with something that is not a room');
  return created;
}

function roomRefusal(status: number): string {
  if (status === 413) return 'the diagram is too large for the collaboration server';
  if (status === 429) return 'too many rooms made from this address; try again in a minute';
  if (status === 400) return 'the server refused the diagram';
  if (status === 404) return 'no collaboration server answers at this address (run `npm start` or `npx erd serve`)';
  return `the collaboration server answered ${status}`;
}

/** A joined room: the Y.Doc, kept in IndexedDB too, and the provider that syncs it with the server. */
export interface JoinedRoom {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once the Y.Doc holds a document: from this browser's copy at once, or from the server when first joined. */
  ready: Promise<void>;
  leave(): void;
}

/** The local copy's name in IndexedDB: one per room, so a link opens offline once it has been opened here. */
const localName = (room: string) => `erd-live-${room}`;

/** Joins a room (never a copy of it): the Y.Doc loads from this browser's copy and the server, and is kept in both. */
export function joinRoom(key: RoomKey, url: string, ydoc: Y.Doc): JoinedRoom {
  const local = typeof indexedDB === 'undefined' ? null : new IndexeddbPersistence(localName(key.room), ydoc);
  const provider = new HocuspocusProvider({ url, name: key.room, document: ydoc, token: key.token });
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (storedFormat(ydoc) === undefined) return;
      ydoc.off('update', check);
      resolve();
    };
    ydoc.on('update', check);
    void local?.whenSynced.then(check);
    check();
    provider.on('authenticationFailed', () => reject(new Error('the link is not valid for this room (or the room is gone)')));
  });
  return {
    ydoc,
    provider,
    ready,
    leave() {
      provider.destroy();
      void local?.destroy();
      ydoc.destroy();
    },
  };
}
