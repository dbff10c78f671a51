import { useSyncExternalStore } from 'react';
import type { StoreApi } from 'zustand';
import { bindStoreToYDoc, type EditorState } from '../store/index.ts';
import { createLiveSession, idleView, type LiveSession, type LiveView } from './liveSession.ts';
import type { WorkKeeper } from './workKeeper.ts';

let session: LiveSession | undefined;

/** The page's live session, once `startLiveSession` has run. */
export function liveSession(): LiveSession {
  if (!session) throw new Error('startLiveSession has not run');
  return session;
}

/** Starts the page's live session and joins the room of a `#live=` link, now and whenever the fragment changes. */
export function startLiveSession(store: StoreApi<EditorState>, keeper: WorkKeeper): LiveSession {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // No storage: the name is asked for each page.
  }
  session = createLiveSession(store, keeper, bindStoreToYDoc, storage);
  const join = () => void session!.joinFromLocation();
  window.addEventListener('hashchange', join);
  join();
  return session;
}

/** A piece of the live session's view, re-rendering only when it changes (as a store selector does). */
export function useLiveView<T>(select: (view: LiveView) => T): T {
  return useSyncExternalStore(session?.subscribe ?? idleSubscribe, () => select(session?.getView() ?? idleView));
}

const idleSubscribe = () => () => {};
