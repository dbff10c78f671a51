import * as Y from 'yjs';
import type { StoreApi } from 'zustand';
import { readDocument } from '../collab/index.ts';
import type { DocumentBinding, EditorState } from '../store/index.ts';
import { liveLinks, readLiveFragment, type LiveLinks, type RoomKey } from './liveLinks.ts';
import { collabUrl, createRoom, joinRoom, type JoinedRoom } from './liveRoom.ts';
import { liveConnection, type LiveConnection } from './liveStatus.ts';
import { colourFor, readPeers, throttled, type Peer, type PeerViewport } from './presence.ts';
import { rememberedName, roomDocuments, saveName } from './liveMemory.ts';
import type { WorkKeeper } from './workKeeper.ts';

/** What the page shows of the live session (null room: not in one). */
export interface LiveView {
  room: string | null;
  connection: LiveConnection;
  isReadOnly: boolean;
  peers: Peer[];
  /** The two links, for the person who shared the document. */
  links: LiveLinks | null;
  /** The participant whose viewport this page follows. */
  followed: number | null;
  self: { name: string; colour: string; hasChosenName: boolean };
  isDialogOpen: boolean;
  error: string | null;
}

/** The view before any session (and on a page without one). */
export const idleView: LiveView = {
  room: null,
  connection: 'connecting',
  isReadOnly: false,
  peers: [],
  links: null,
  followed: null,
  self: { name: 'Guest', colour: colourFor(0), hasChosenName: false },
  isDialogOpen: false,
  error: null,
};

/** The store binding the session uses (store/'s bindStoreToYDoc). */
export type BindStore = (store: StoreApi<EditorState>, ydoc: Y.Doc, options: { origin: unknown; onEnd?: () => void }) => DocumentBinding;

/** Said in the store's readOnlyReason for a view-only link: every edit is refused in the store, and by the server. */
export const viewOnlyReason = 'opened from a view-only link: you can look and follow, not change anything';

/** The page's live session: sharing, joining from a link, presence and the connection state. */
export type LiveSession = ReturnType<typeof createLiveSession>;

/** Creates the page's live session over the store and the keeper (one per page). */
export function createLiveSession(store: StoreApi<EditorState>, keeper: WorkKeeper, bind: BindStore, storage: Storage | null) {
  const listeners = new Set<() => void>();
  const remembered = rememberedName(storage);
  let view: LiveView = { ...idleView, self: { name: remembered ?? 'Guest', colour: colourFor(0), hasChosenName: remembered !== null } };
  let joined: JoinedRoom | null = null;
  let binding: DocumentBinding | null = null;
  let wasConnected = false;
  let socket: 'connecting' | 'connected' | 'disconnected' = 'connecting';

  const update = (patch: Partial<LiveView>) => {
    view = { ...view, ...patch };
    listeners.forEach((listener) => listener());
  };
  const awareness = () => joined?.provider.awareness ?? null;
  const publish = (field: string, value: unknown) => awareness()?.setLocalStateField(field, value);
  const cursor = throttled((point: { x: number; y: number } | null) => publish('cursor', point), 50);
  const viewport = throttled((at: PeerViewport) => publish('viewport', at), 100);
  const showConnection = () =>
    update({ connection: liveConnection({ socket, wasConnected, isBrowserOnline: typeof navigator === 'undefined' || navigator.onLine }) });

  const publishSelection = (state: EditorState) => {
    publish('tables', state.selectedTableIds);
    publish('relationships', state.selection?.kind === 'relationship' ? [state.selection.id] : []);
  };
  const unsubscribeSelection = store.subscribe((next, previous) => {
    if (next.selectedTableIds !== previous.selectedTableIds || next.selection !== previous.selection) publishSelection(next);
  });
  const online = () => showConnection();
  if (typeof window !== 'undefined') {
    window.addEventListener('online', online);
    window.addEventListener('offline', online);
  }

  function leave(): void {
    cursor.cancel();
    viewport.cancel();
    binding?.unbind();
    binding = null;
    joined?.leave();
    joined = null;
    wasConnected = false;
    socket = 'connecting';
    if (store.getState().readOnlyReason === viewOnlyReason) store.setState({ readOnlyReason: null });
    update({ room: null, peers: [], links: null, followed: null, isReadOnly: false });
  }

  /** Connects the Y.Doc to the room and presence; the store is bound by the caller once the document is there. */
  function connect(key: RoomKey, ydoc: Y.Doc): JoinedRoom {
    const room = joinRoom(key, collabUrl(location), ydoc);
    joined = room;
    const { provider } = room;
    const colour = colourFor(ydoc.clientID);
    update({ room: key.room, self: { ...view.self, colour }, error: null });
    provider.awareness?.setLocalState({
      user: { name: view.self.name, colour },
      cursor: null,
      tables: [],
      relationships: [],
      viewport: null,
    });
    publishSelection(store.getState());
    provider.on('status', ({ status }: { status: typeof socket }) => {
      socket = status;
      if (status === 'connected') wasConnected = true;
      showConnection();
    });
    provider.on('authenticated', () => {
      const isReadOnly = provider.authorizedScope === 'readonly';
      update({ isReadOnly });
      if (isReadOnly && binding) store.setState({ readOnlyReason: viewOnlyReason });
    });
    provider.awareness?.on('change', () => {
      const peers = readPeers(provider.awareness!.getStates(), ydoc.clientID);
      update({ peers, followed: peers.some((p) => p.clientId === view.followed) ? view.followed : null });
    });
    return room;
  }

  const bindStore = (ydoc: Y.Doc) => {
    // Another document opened: the session ends, and a reload no longer rejoins the room.
    const onEnd = () => {
      binding = null;
      leave();
      if (readLiveFragment(location.hash)) history.replaceState(null, '', `${location.pathname}${location.search}`);
    };
    binding = bind(store, ydoc, { origin: Symbol('my live edits'), onEnd });
    if (view.isReadOnly) store.setState({ readOnlyReason: viewOnlyReason });
  };

  const fail = (what: string, error: unknown) => {
    leave();
    const text = `${what}: ${(error as Error).message}.`;
    update({ error: text });
    store.getState().showNotice({ id: 'live', tone: 'error', text });
  };

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getView: () => view,

    /** Turns the open document into a room and joins it; resolves to the two links. */
    async shareLive(): Promise<LiveLinks> {
      update({ isDialogOpen: true, error: null });
      if (view.links) return view.links;
      if (joined) {
        const text = 'This diagram is already in a live session, joined from a link: ask the person who shared it for the links.';
        update({ error: text });
        throw new Error(text);
      }
      const ydoc = new Y.Doc();
      bindStore(ydoc); // an empty Y.Doc receives the store's document
      try {
        const created = await createRoom(ydoc);
        const links = liveLinks(location.href, created);
        connect({ room: created.room, token: created.editToken }, ydoc);
        const documentId = store.getState().documentId;
        if (documentId) roomDocuments(storage).remember(created.room, documentId);
        history.replaceState(null, '', new URL(links.edit).hash);
        update({ links });
        return links;
      } catch (error) {
        fail('The document could not be shared live', error);
        throw error;
      }
    },

    /** Joins the room in the page's `#live=` fragment, if any: the room's document is shown and kept in the library too. */
    async joinFromLocation(): Promise<void> {
      const key = readLiveFragment(location.hash);
      if (!key || key.room === view.room) return;
      if (joined) leave();
      const room = connect(key, new Y.Doc());
      try {
        await room.ready;
        if (joined !== room) return;
        const documentId = roomDocuments(storage).documentOf(key.room);
        const isOpen = (documentId && (await keeper.open(documentId))) || (await keeper.create('Live diagram', readDocument(room.ydoc)));
        if (joined !== room || !isOpen) return;
        const openedId = store.getState().documentId;
        if (openedId) roomDocuments(storage).remember(key.room, openedId);
        bindStore(room.ydoc);
      } catch (error) {
        if (joined === room) fail('This live link could not be opened', error);
      }
    },

    leave,
    closeDialog: () => update({ isDialogOpen: false }),
    /** Sets this person's name (asked once, remembered in this browser). */
    setName(name: string) {
      const trimmed = name.trim().slice(0, 40);
      if (!trimmed) return;
      saveName(storage, trimmed);
      update({ self: { ...view.self, name: trimmed, hasChosenName: true } });
      publish('user', { name: trimmed, colour: view.self.colour });
    },
    /** The pointer in flow coordinates (null: off the canvas), sent about 20 times a second at most. */
    moveCursor: (point: { x: number; y: number } | null) => joined && cursor.push(point),
    /** This page's viewport, for those who follow it. */
    moveViewport: (at: PeerViewport) => joined && viewport.push(at),
    follow: (clientId: number | null) => update({ followed: clientId }),
    dispose() {
      leave();
      unsubscribeSelection();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', online);
    },
  };
}
