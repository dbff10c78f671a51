import { describe, expect, it } from 'vitest';
import { fitIdentifier as fitName } from '../model/index.ts';
import { NameAllocator } from './constraintNames.ts';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('constraint names', () => {
  it('follows PostgreSQL conventions for short names', () => {
    const names = new NameAllocator(['books']);
    expect(names.allocate('books', [], 'pkey')).toBe('books_pkey');
    expect(names.allocate('books', ['author_id'], 'fkey')).toBe('books_author_id_fkey');
  });

  it('never reuses a name, even when two spellings meet', () => {
    const names = new NameAllocator([]);
    expect(names.allocate('a_b', ['c'], 'key')).toBe('a_b_c_key');
    expect(names.allocate('a', ['b_c'], 'key')).toBe('a_b_c1_key');
  });

  it('keeps long names within 63 bytes and apart from each other', () => {
    const long = 'ü'.repeat(40);
    const first = fitName(`${long}_one`, 'fkey');
    const second = fitName(`${long}_two`, 'fkey');
    expect(bytes(first)).toBeLessThanOrEqual(63);
    expect(bytes(second)).toBeLessThanOrEqual(63);
    expect(first).not.toBe(second);
    expect(first.endsWith('_fkey')).toBe(true);
  });

  it('replays recorded names only when each comes out the same, and then takes them', () => {
    const first = new NameAllocator([]);
    const { allocations } = first.recording(() => [first.allocate('a', ['b'], 'key'), first.allocate('a', ['b'], 'key')]);
    expect(allocations.map((a) => a.name)).toEqual(['a_b_key', 'a_b1_key']);
    const same = new NameAllocator([]);
    expect(same.replay(allocations)).toBe(true);
    expect(same.allocate('a', ['b'], 'key')).toBe('a_b2_key');
    // Another table already holds a_b1_key: the second name would differ, so nothing is taken.
    const taken = new NameAllocator(['a_b1_key']);
    expect(taken.replay(allocations)).toBe(false);
    expect(taken.allocate('a', ['b'], 'key')).toBe('a_b_key');
  });
});
