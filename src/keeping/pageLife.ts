const previousKey = 'erd-proof.pageId';
const lockName = (pageId: string) => `erd-proof.page.${pageId}`;

/** This page load's id, and the id of the page this tab showed before a reload (its journal is this tab's to recover). */
export interface PageLife {
  id: string;
  previousId: string | null;
}

/**
 * Names this page load and holds a Web Lock for as long as it lives: the browser releases it when
 * the page is reloaded, closed or crashes, which is how another tab knows a journal is orphaned.
 */
export function startPageLife(tabSession: Pick<Storage, 'getItem' | 'setItem'> | null): PageLife {
  const id = crypto.randomUUID();
  const previousId = tabSession?.getItem(previousKey) ?? null;
  tabSession?.setItem(previousKey, id);
  void navigator.locks?.request(lockName(id), () => new Promise<never>(() => undefined)).catch(() => undefined);
  return { id, previousId };
}

/** Whether the page that wrote a journal has ended; without Web Locks, only this tab's own earlier page is known to have. */
export async function pageIsGone(pageId: string): Promise<boolean> {
  if (!navigator.locks) return false;
  return navigator.locks.request(lockName(pageId), { ifAvailable: true }, (lock) => lock !== null);
}
