/** The latest value waiting to be committed; many changes before one flush are one commit. */
export interface CoalescedCommit<T> {
  push(value: T, commit: (value: T) => void): void;
  /** Commits the waiting value now, if any. */
  flush(): void;
}

/** The flushes of every commit that is waiting, so a page being left can commit what was typed. */
const waitingFlushes = new Set<() => void>();

/** Commits every typed draft now: the page is being hidden or left, and the next paint may never come. */
export function flushDrafts(): void {
  for (const flush of [...waitingFlushes]) flush();
}

/** Coalesces changes into one commit per `schedule` call (after the next paint in the app). */
export function coalescedCommit<T>(schedule: (run: () => void) => void): CoalescedCommit<T> {
  let pending: { value: T; commit: (value: T) => void } | null = null;
  const flush = () => {
    const waiting = pending;
    pending = null;
    waitingFlushes.delete(flush);
    waiting?.commit(waiting.value);
  };
  return {
    push(value, commit) {
      const isFirst = pending === null;
      pending = { value, commit };
      waitingFlushes.add(flush);
      if (isFirst) schedule(flush);
    },
    flush,
  };
}
