/** Where a participant looks: React Flow's viewport and the size of their canvas, to centre on it. */
export interface PeerViewport {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

/** What each participant publishes through the provider's awareness. */
export interface PresenceState {
  user: { name: string; colour: string };
  /** The pointer in flow coordinates (so it sits right at any zoom), null when off the canvas. */
  cursor: { x: number; y: number } | null;
  tables: string[];
  relationships: string[];
  viewport: PeerViewport | null;
}

/** Another participant, as the page shows them. */
export interface Peer extends PresenceState {
  clientId: number;
}

/** Distinct colours, readable on both themes; a participant's is picked by their client id. */
export const peerColours = ['#d9480f', '#1971c2', '#2f9e44', '#ae3ec9', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4'] as const;

const maxName = 40;
const maxIds = 500;
const colourPattern = /^#[0-9a-f]{6}$/i;
const idPattern = /^[\w.:-]{1,128}$/;

/** The colour a client id gets. */
export function colourFor(clientId: number): string {
  return peerColours[Math.abs(clientId) % peerColours.length]!;
}

const isFiniteNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function readPoint(value: unknown): { x: number; y: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y } = value as Record<string, unknown>;
  return isFiniteNumber(x) && isFiniteNumber(y) ? { x, y } : null;
}

function readViewport(value: unknown): PeerViewport | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y, zoom, width, height } = value as Record<string, unknown>;
  if (![x, y, zoom, width, height].every(isFiniteNumber)) return null;
  if ((zoom as number) <= 0 || (width as number) <= 0 || (height as number) <= 0) return null;
  return { x: x as number, y: y as number, zoom: zoom as number, width: width as number, height: height as number };
}

function readIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, maxIds).filter((id): id is string => typeof id === 'string' && idPattern.test(id));
}

/**
 * Another participant's awareness state as the page may show it: the server passes presence through
 * as any JSON, so names become short plain text, colours one of the forms a style accepts, ids only
 * id characters (they go into CSS selectors), numbers finite. Null when there is no user in it.
 */
export function readPresence(clientId: number, value: unknown): Peer | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = value as Record<string, unknown>;
  const user = state.user as Record<string, unknown> | undefined;
  if (typeof user !== 'object' || user === null || typeof user.name !== 'string') return null;
  const name = user.name.replace(/\p{C}/gu, '').trim().slice(0, maxName) || 'Someone';
  const colour = typeof user.colour === 'string' && colourPattern.test(user.colour) ? user.colour : colourFor(clientId);
  return {
    clientId,
    user: { name, colour },
    cursor: readPoint(state.cursor),
    tables: readIds(state.tables),
    relationships: readIds(state.relationships),
    viewport: readViewport(state.viewport),
  };
}

/** Every other participant in a room, in the order they joined (client ids are random, so by name). */
export function readPeers(states: ReadonlyMap<number, unknown>, selfId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === selfId) continue;
    const peer = readPresence(clientId, state);
    if (peer) peers.push(peer);
  }
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

/** The point of the diagram at the centre of a participant's canvas, and their zoom: following them shows that. */
export function viewCentre(viewport: PeerViewport): { x: number; y: number; zoom: number } {
  return {
    x: (viewport.width / 2 - viewport.x) / viewport.zoom,
    y: (viewport.height / 2 - viewport.y) / viewport.zoom,
    zoom: viewport.zoom,
  };
}

/** Calls `send` at most once per `intervalMs` with the latest value; the last one is never lost. */
export function throttled<T>(send: (value: T) => void, intervalMs: number, now = () => Date.now()) {
  let lastSent = -Infinity;
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    lastSent = now();
    send(value);
  };
  return {
    push(value: T) {
      pending = { value };
      const wait = lastSent + intervalMs - now();
      if (wait <= 0 && !timer) flush();
      else timer ??= setTimeout(flush, Math.max(0, wait));
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
