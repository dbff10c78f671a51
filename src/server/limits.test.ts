import { describe, expect, it } from 'vitest';
import { defaultLimits, keyedRateLimiter, roomCreationLimiter } from './limits.ts';

const frozen = () => 0; // no time passes: only the bursts count

describe('rate limits by key', () => {
  it('forgets the least recently seen key when full, never every key at once', () => {
    const limiter = keyedRateLimiter({ messagesPerSecond: 1, burstMessages: 1 }, 2, frozen);
    expect([limiter.take('a'), limiter.take('b')]).toEqual([true, true]);
    expect(limiter.take('a')).toBe(false); // a is now the most recently seen
    expect(limiter.take('c')).toBe(true); // b goes
    expect([limiter.take('a'), limiter.take('c')]).toEqual([false, false]);
  });

  it('limits room creation per address, an IPv6 address by its /64, and for every address together', () => {
    const limiter = roomCreationLimiter({ ...defaultLimits, burstRooms: 2, allBurstRooms: 5 }, frozen);
    expect(['2001:db8::1', '2001:db8::2', '2001:db8::3'].map((address) => limiter.take(address))).toEqual([true, true, false]);
    expect(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'].map((address) => limiter.take(address))).toEqual([true, true, true, false]);
  });
});
