import { afterEach, describe, expect, it, vi } from 'vitest';
import { colourFor, peerColours, readPeers, readPresence, throttled, viewCentre } from './presence.ts';

const good = {
  user: { name: 'Ada', colour: '#1971c2' },
  cursor: { x: 10, y: -4 },
  tables: ['t_1', 't_2'],
  relationships: ['r_1'],
  viewport: { x: -100, y: 50, zoom: 2, width: 800, height: 600 },
};

describe('presence read from other participants', () => {
  it('keeps a well-formed state as it is', () => {
    expect(readPresence(7, good)).toEqual({ clientId: 7, ...good });
  });

  it('turns hostile values into plain, bounded, safe ones', () => {
    const peer = readPresence(3, {
      user: { name: `\u0000${'x'.repeat(100)}`, colour: 'red;} body{display:none' },
      cursor: { x: Infinity, y: 1 },
      tables: ['ok', '"] *{color:red}', 42, 'a'.repeat(129)],
      relationships: 'r1',
      viewport: { x: 0, y: 0, zoom: 0, width: 10, height: 10 },
    });
    expect(peer).toEqual({
      clientId: 3,
      user: { name: 'x'.repeat(40), colour: colourFor(3) },
      cursor: null,
      tables: ['ok'],
      relationships: [],
      viewport: null,
    });
  });

  it('skips states without a user and this participant, and sorts by name', () => {
    const states = new Map<number, unknown>([
      [1, { ...good, user: { name: 'Zoe', colour: '#2f9e44' } }],
      [2, {}],
      [3, good],
      [4, { ...good, user: { name: 'Me', colour: '#2f9e44' } }],
    ]);
    expect(readPeers(states, 4).map((p) => p.user.name)).toEqual(['Ada', 'Zoe']);
  });

  it('gives every client id one of the palette colours', () => {
    expect(peerColours).toContain(colourFor(123456789));
    expect(peerColours).toContain(colourFor(-5));
  });
});

describe('following a viewport', () => {
  it('finds the diagram point at the centre of their canvas', () => {
    expect(viewCentre({ x: -100, y: 50, zoom: 2, width: 800, height: 600 })).toEqual({ x: 250, y: 125, zoom: 2 });
  });
});

describe('throttled', () => {
  afterEach(() => vi.useRealTimers());

  it('sends at most once per interval, and the latest value last', () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const cursor = throttled((n: number) => sent.push(n), 50);
    cursor.push(1);
    cursor.push(2);
    cursor.push(3);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(200);
    expect(sent).toEqual([1, 3]);
    cursor.push(4);
    expect(sent).toEqual([1, 3, 4]);
    cursor.push(5);
    cursor.cancel();
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([1, 3, 4]);
  });
});
