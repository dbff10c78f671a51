/** When the open document is written: a burst of edits once, soon after it, and at once when the page goes. */
export interface WriteScheduler {
  /** An edit made a write due: it runs `quietMs` after the last such call, and never later than `maxWaitMs` after the first. */
  schedule(): void;
  /** No write is due (the document was written, or went back to what is stored). */
  cancel(): void;
}

/** How long a write waits for edits to stop, and at most. */
export interface WriteTiming {
  quietMs: number;
  maxWaitMs: number;
}

/** Debounces the keeper's writes: typing writes once per pause, a long burst still every `maxWaitMs`. */
export function createWriteScheduler(write: () => void, { quietMs, maxWaitMs }: WriteTiming): WriteScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstDueAt = 0;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    schedule() {
      const now = Date.now();
      if (timer === undefined) firstDueAt = now;
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          timer = undefined;
          write();
        },
        Math.max(0, Math.min(quietMs, firstDueAt + maxWaitMs - now)),
      );
    },
    cancel,
  };
}

/**
 * Calls `leave` when the page is hidden or unloaded: the last moment a write can start, and the
 * journal's cue to hold what a write may not finish. Returns the way to stop listening.
 */
export function whenPageLeaves(leave: () => void): () => void {
  const hidden = () => {
    if (document.visibilityState === 'hidden') leave();
  };
  window.addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', hidden);
  return () => {
    window.removeEventListener('pagehide', leave);
    document.removeEventListener('visibilitychange', hidden);
  };
}
