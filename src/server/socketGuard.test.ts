import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addressKey, defaultLimits } from './limits.ts';
import { rateLimitedCode, socketGuard, tooManySocketsCode, unauthenticatedCode, type GuardedSocket } from './socketGuard.ts';

/** A websocket stand-in: tests emit its messages and read the code it was closed with. */
function fakeSocket() {
  const listeners = { message: [] as ((data: unknown) => void)[], close: [] as (() => void)[] };
  const socket = {
    closedWith: undefined as number | undefined,
    on(event: 'message' | 'close', listener: (data?: unknown) => void) {
      listeners[event].push(listener);
    },
    close(code: number) {
      socket.closedWith ??= code;
      for (const listener of listeners.close) listener();
    },
    send(data: Uint8Array) {
      for (const listener of listeners.message) listener(data);
    },
  };
  return socket satisfies GuardedSocket;
}

/** A message for `room` of `size` bytes in all, framed as Hocuspocus frames one (room name first). */
function message(room: string, size = 10): Uint8Array {
  const name = new TextEncoder().encode(room);
  const bytes = new Uint8Array(Math.max(size, name.length + 1));
  bytes.set([name.length, ...name]);
  return bytes;
}

describe('the socket guard', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const guard = (limits = {}) => socketGuard({ ...defaultLimits, ...limits }, () => {}, now);

  it('closes a socket that has not authenticated within the time', () => {
    const sockets = guard({ authenticateWithinMs: 3000 });
    const [idle, joined] = [fakeSocket(), fakeSocket()];
    const [idleRequest, joinedRequest] = [{}, {}];
    sockets.watch(idle, idleRequest, '10.0.0.1');
    sockets.watch(joined, joinedRequest, '10.0.0.2');
    sockets.authenticated(joinedRequest, 'room');
    vi.advanceTimersByTime(3001);
    expect(idle.closedWith).toBe(unauthenticatedCode);
    expect(joined.closedWith).toBeUndefined();
  });

  it('closes a socket that sends more than a few messages, or bytes, for a room before its token is accepted', () => {
    const sockets = guard();
    const [chatty, heavy, fine] = [fakeSocket(), fakeSocket(), fakeSocket()];
    const fineRequest = {};
    sockets.watch(chatty, {}, '10.0.0.1');
    sockets.watch(heavy, {}, '10.0.0.2');
    sockets.watch(fine, fineRequest, '10.0.0.3');
    for (let i = 0; i <= defaultLimits.messagesBeforeAuthentication; i++) chatty.send(message('room'));
    heavy.send(message('room', defaultLimits.bytesBeforeAuthentication + 1));
    for (let i = 0; i < 3; i++) fine.send(message('room'));
    sockets.authenticated(fineRequest, 'room');
    for (let i = 0; i < 100; i++) fine.send(message('room', 1000));
    expect([chatty.closedWith, heavy.closedWith, fine.closedWith]).toEqual([unauthenticatedCode, unauthenticatedCode, undefined]);
    fine.send(message('another room', defaultLimits.bytesBeforeAuthentication + 1));
    expect(fine.closedWith).toBe(unauthenticatedCode);
  });

  it('closes an authenticated socket past its rate in bytes', () => {
    const sockets = guard({ bytesPerSecond: 100_000, burstBytes: 200_000 });
    const socket = fakeSocket();
    const request = {};
    sockets.watch(socket, request, '10.0.0.1');
    sockets.authenticated(request, 'room');
    socket.send(message('room', 150_000));
    clock += 1000;
    socket.send(message('room', 150_000));
    expect(socket.closedWith).toBeUndefined();
    socket.send(message('room', 150_000));
    expect(socket.closedWith).toBe(rateLimitedCode);
  });

  it('caps the sockets one address holds open, an IPv6 address by its /64', () => {
    const sockets = guard({ socketsPerAddress: 2 });
    const opened = ['2001:db8:1:2::5', '2001:db8:1:2:aaaa::9', '2001:db8:1:2:ffff:1:2:3'].map((address) => {
      const socket = fakeSocket();
      sockets.watch(socket, {}, address);
      return socket;
    });
    expect(opened.map((socket) => socket.closedWith)).toEqual([undefined, undefined, tooManySocketsCode]);
    opened[0]!.close(1000);
    const again = fakeSocket();
    sockets.watch(again, {}, '2001:db8:1:2::77');
    expect(again.closedWith).toBeUndefined();
  });

  it('keys addresses: IPv4 as is, IPv4-mapped IPv6 as IPv4, IPv6 by its /64', () => {
    expect(['10.1.2.3', '::ffff:10.1.2.3', '2001:db8::1', '2001:0db8:0:0:ffff::1', '::1'].map(addressKey)).toEqual([
      '10.1.2.3',
      '10.1.2.3',
      '2001:db8:0:0::/64',
      '2001:db8:0:0::/64',
      '0:0:0:0::/64',
    ]);
  });
});
