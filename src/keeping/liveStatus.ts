/** The connection as the page shows it, always visible during a live session. */
export type LiveConnection = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** What the provider and the browser say, as the status is derived from it. */
export interface ConnectionFacts {
  socket: 'connecting' | 'connected' | 'disconnected';
  /** Whether this page was ever connected to the room (a first connection is "connecting", a later one "reconnecting"). */
  wasConnected: boolean;
  /** `navigator.onLine`. */
  isBrowserOnline: boolean;
}

/** The state the page shows: offline when the browser or the socket says so, reconnecting while it tries again. */
export function liveConnection(facts: ConnectionFacts): LiveConnection {
  if (facts.socket === 'connected') return 'connected';
  if (!facts.isBrowserOnline) return 'offline';
  if (facts.socket === 'connecting') return facts.wasConnected ? 'reconnecting' : 'connecting';
  return facts.wasConnected ? 'offline' : 'connecting';
}

/** The words for a state, and a longer hint. */
export function describeConnection(connection: LiveConnection, isReadOnly: boolean): { label: string; hint: string } {
  const scope = isReadOnly ? ' · read-only' : '';
  const readOnlyHint = isReadOnly ? ' You opened a view-only link: you can look and follow, not change anything.' : '';
  switch (connection) {
    case 'connected':
      return { label: `Live${scope}`, hint: `Connected to the room: changes reach everyone within a moment.${readOnlyHint}` };
    case 'connecting':
      return { label: `Connecting…${scope}`, hint: `Joining the room.${readOnlyHint}` };
    case 'reconnecting':
      return {
        label: `Reconnecting…${scope}`,
        hint: `The connection dropped; trying again. Your edits are kept here and merged when it is back.${readOnlyHint}`,
      };
    case 'offline':
      return {
        label: `Offline${scope}`,
        hint: `Not connected to the room. Your edits are kept in this browser and merged with everyone's when the connection is back.${readOnlyHint}`,
      };
  }
}
