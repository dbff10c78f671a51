import type { StoreApi } from 'zustand';
import { decodeShareLink, encodeShareLink, shareLinkPrefix } from '../io/shareLink.ts';
import type { EditorState } from '../store/index.ts';
import type { WorkKeeper } from './workKeeper.ts';

/** Name given to a document opened from a link (the link carries the design, not its name). */
const sharedName = 'Shared diagram';

/** Copies a link that carries the whole document in its fragment (never sent to a server) and says so. */
export async function copyShareLink(store: StoreApi<EditorState>): Promise<void> {
  const { document, showNotice, readOnlyReason } = store.getState();
  if (readOnlyReason !== null) return;
  let encoded;
  try {
    encoded = await encodeShareLink(document);
  } catch (error) {
    encoded = { ok: false as const, error: (error as Error).message };
  }
  if (!encoded.ok) {
    showNotice({ id: 'share', tone: 'error', text: `No link made: ${encoded.error}. Save it to a file instead.` });
    return;
  }
  const url = `${location.origin}${location.pathname}${encoded.fragment}`;
  try {
    await navigator.clipboard.writeText(url);
    showNotice({
      id: 'share',
      tone: 'info',
      text: `Link copied (${Math.ceil(url.length / 1024)} kB). It holds the whole diagram in the part after #, which browsers never send to a server; opening it makes a new document.`,
    });
  } catch {
    showNotice({ id: 'share', tone: 'warning', text: `The browser refused the clipboard; copy the link from here: ${url}` });
  }
}

/**
 * Opens the document in the page's `#doc=` fragment as a NEW document (the open one and every stored
 * one stay as they are), then removes the fragment so a reload does not open it twice. A damaged,
 * oversized or foreign link is a notice; nothing else changes.
 */
export async function openSharedDocument(store: StoreApi<EditorState>, keeper: WorkKeeper): Promise<void> {
  if (!location.hash.startsWith(shareLinkPrefix)) return;
  const fragment = location.hash;
  // Removed once the link has done its work (or cannot), so a reload neither opens it twice nor loses it after a failed save.
  const forget = () => history.replaceState(null, '', `${location.pathname}${location.search}`);
  const loaded = await decodeShareLink(fragment);
  if (!loaded.ok) {
    forget();
    store.getState().showNotice({
      id: 'share',
      tone: 'error',
      text: `This share link could not be opened: ${loaded.error}. Your documents are untouched.`,
    });
    return;
  }
  const isOpen = loaded.readOnly
    ? await keeper.openReadOnly(sharedName, loaded.document, loaded.message)
    : await keeper.create(sharedName, loaded.document);
  if (!isOpen) return;
  forget();
  if (!loaded.readOnly)
    store.getState().showNotice({
      id: 'share',
      tone: 'info',
      text: 'Opened the shared diagram as a new document; your other documents are as they were.',
    });
}
