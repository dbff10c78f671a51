import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWriteScheduler } from './writeScheduler.ts';

describe('write scheduler', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('writes a burst of edits once, after a quiet period', () => {
    const write = vi.fn();
    const scheduler = createWriteScheduler(write, { quietMs: 400, maxWaitMs: 1000 });
    scheduler.schedule();
    vi.advanceTimersByTime(300);
    scheduler.schedule();
    vi.advanceTimersByTime(300);
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('never later than the longest wait after the first edit, however long the burst', () => {
    const write = vi.fn();
    const scheduler = createWriteScheduler(write, { quietMs: 400, maxWaitMs: 1000 });
    for (let t = 0; t < 1000; t += 200) {
      scheduler.schedule();
      vi.advanceTimersByTime(200);
    }
    expect(write).toHaveBeenCalledTimes(1);
    scheduler.schedule();
    vi.advanceTimersByTime(399);
    expect(write).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('a cancelled write does not run', () => {
    const write = vi.fn();
    const scheduler = createWriteScheduler(write, { quietMs: 400, maxWaitMs: 1000 });
    scheduler.schedule();
    scheduler.cancel();
    vi.advanceTimersByTime(2000);
    expect(write).not.toHaveBeenCalled();
  });
});
