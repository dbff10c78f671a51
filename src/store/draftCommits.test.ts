import { describe, expect, it } from 'vitest';
import { coalescedCommit, flushDrafts } from './draftCommits.ts';

describe('coalescedCommit', () => {
  const setUp = () => {
    const scheduled: (() => void)[] = [];
    const committed: string[] = [];
    const queue = coalescedCommit<string>((run) => scheduled.push(run));
    const commit = (value: string) => committed.push(value);
    return { scheduled, committed, queue, commit };
  };

  it('commits the latest of several changes once, when the scheduled run comes', () => {
    const { scheduled, committed, queue, commit } = setUp();
    queue.push('a', commit);
    queue.push('ab', commit);
    queue.push('abc', commit);
    expect(committed).toEqual([]);
    expect(scheduled).toHaveLength(1);
    scheduled[0]!();
    expect(committed).toEqual(['abc']);
  });

  it('commits at once on flush, and the scheduled run after it commits nothing more', () => {
    const { scheduled, committed, queue, commit } = setUp();
    queue.push('name', commit);
    queue.flush();
    expect(committed).toEqual(['name']);
    scheduled[0]!();
    expect(committed).toEqual(['name']);
  });

  it('flushDrafts commits every waiting draft at once (a page being left), and nothing twice', () => {
    const name = setUp();
    const type = setUp();
    name.queue.push('typed_3', name.commit);
    type.queue.push('bigint', type.commit);
    flushDrafts();
    expect([name.committed, type.committed]).toEqual([['typed_3'], ['bigint']]);
    name.scheduled[0]!();
    flushDrafts();
    expect([name.committed, type.committed]).toEqual([['typed_3'], ['bigint']]);
  });

  it('schedules again for changes after a commit', () => {
    const { scheduled, committed, queue, commit } = setUp();
    queue.push('a', commit);
    scheduled[0]!();
    queue.push('b', commit);
    expect(scheduled).toHaveLength(2);
    scheduled[1]!();
    expect(committed).toEqual(['a', 'b']);
  });

  it('flushes nothing when nothing waits', () => {
    const { committed, queue } = setUp();
    queue.flush();
    expect(committed).toEqual([]);
  });
});
