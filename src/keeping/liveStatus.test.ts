import { describe, expect, it } from 'vitest';
import { describeConnection, liveConnection } from './liveStatus.ts';

describe('the connection state shown', () => {
  it('is connecting before the first connection, reconnecting after one dropped', () => {
    expect(liveConnection({ socket: 'connecting', wasConnected: false, isBrowserOnline: true })).toBe('connecting');
    expect(liveConnection({ socket: 'disconnected', wasConnected: false, isBrowserOnline: true })).toBe('connecting');
    expect(liveConnection({ socket: 'connecting', wasConnected: true, isBrowserOnline: true })).toBe('reconnecting');
    expect(liveConnection({ socket: 'connected', wasConnected: true, isBrowserOnline: true })).toBe('connected');
  });

  it('is offline when the socket is closed after a connection, or the browser is offline', () => {
    expect(liveConnection({ socket: 'disconnected', wasConnected: true, isBrowserOnline: true })).toBe('offline');
    expect(liveConnection({ socket: 'connecting', wasConnected: true, isBrowserOnline: false })).toBe('offline');
  });

  it('says read-only next to any state', () => {
    expect(describeConnection('connected', true).label).toBe('Live · read-only');
    expect(describeConnection('offline', false).hint).toMatch(/kept in this browser and merged/);
  });
});
