import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createRequire } from 'node:module';
import * as Y from 'yjs';
import { readDocument } from '../collab/documentState.ts';
import { applyDocumentChange, writeDocument } from '../collab/writeDocument.ts';
import { addTable, renameTable, type ErdDocument } from '../model/index.ts';
import { aTable } from './factories.ts';

type NodeWebSocket = new (...args: unknown[]) => {
  on(event: 'error', listener: () => void): void;
  on(event: 'open', listener: () => void): void;
  on(event: 'close', listener: (code: number) => void): void;
  send(data: Uint8Array): void;
  close(): void;
};
const NodeWebSocket = createRequire(import.meta.url)('ws') as NodeWebSocket;

/**
 * Node 20 has no global WebSocket: the provider is given ws's (ws ships no types). A socket closed while
 * it connects (a test ending while the provider reconnects) emits an error event ws would throw
 * without a listener; the provider learns of it from the close event anyway.
 */
class WebSocketPolyfill extends NodeWebSocket {
  constructor(...args: unknown[]) {
    super(...args);
    this.on('error', () => {});
  }
}

/** What POST /api/rooms answered. */
export interface TestRoom {
  room: string;
  editToken: string;
  viewToken: string;
}

/** Creates a room on the server at `httpUrl` from a Y.Doc's state. */
export async function createTestRoom(httpUrl: string, doc: Y.Doc): Promise<TestRoom> {
  const response = await fetch(`${httpUrl}/api/rooms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: new Uint8Array(Y.encodeStateAsUpdate(doc)).buffer,
  });
  if (response.status !== 201) throw new Error(`room creation answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as TestRoom;
}

/** A Hocuspocus provider in a room, as the browser has one, with what the tests look at. */
export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Close events of the websocket, in order. */
  closes: { code: number; reason: string }[];
  /** Sends raw bytes on the websocket, as a client that ignores the protocol's rules would. */
  sendRaw(bytes: Uint8Array): void;
  destroy(): void;
}

/** Joins `room` with `token` over the websocket at `websocketUrl` (ws:// … /collab). */
export function joinTestRoom(websocketUrl: string, room: string, token: string): TestClient {
  const doc = new Y.Doc();
  const closes: TestClient['closes'] = [];
  const socket = new HocuspocusProviderWebsocket({ url: websocketUrl, WebSocketPolyfill, delay: 200, minDelay: 100, maxDelay: 1000 });
  socket.on('close', ({ event }: { event: { code: number; reason: unknown } }) =>
    closes.push({ code: event.code, reason: String(event.reason) }),
  );
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, token, document: doc });
  provider.attach();
  return {
    doc,
    provider,
    closes,
    sendRaw: (bytes) => (socket.webSocket as unknown as { send(data: Uint8Array): void }).send(bytes),
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

function varUint(value: number): number[] {
  const out: number[] = [];
  while (value > 0x7f) {
    out.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  out.push(value);
  return out;
}

/** A Hocuspocus Sync/Update message carrying `update` for `room`, framed as the provider frames it. */
export function updateMessage(room: string, update: Uint8Array): Uint8Array {
  const name = new TextEncoder().encode(room);
  return Uint8Array.from([...varUint(name.length), ...name, 0, 2, ...varUint(update.length), ...update]);
}

/** A room's first state: a document with one table named `name`, written as the editor writes it. */
export function aRoomDoc(name = 'orders'): Y.Doc {
  const doc = new Y.Doc();
  const document: ErdDocument = { schema: aTable(name).schema, layout: {} };
  writeDocument(doc, document);
  return doc;
}

/** The names of the tables a copy of the room holds, in order. */
export function tableNames(doc: Y.Doc): string[] {
  return readDocument(doc).schema.tables.map((table) => table.name);
}

/** Renames the table called `from` in a copy of the room, as the editor does (the provider sends the update). */
export function renameTableIn(doc: Y.Doc, from: string, to: string): void {
  const before = readDocument(doc);
  const table = before.schema.tables.find((t) => t.name === from);
  if (!table) throw new Error(`no table ${from}`);
  applyDocumentChange(doc, before, { ...before, schema: renameTable(before.schema, table.id, to) });
}

/** Adds a table named `name` to a copy of the room, as the editor does. */
export function addTableIn(doc: Y.Doc, name: string): void {
  const before = readDocument(doc);
  applyDocumentChange(doc, before, { ...before, schema: addTable(before.schema, name).schema });
}

/** A Hocuspocus QueryAwareness message for `room`: small, harmless, and answered by the server (a flood of them tests the rate limit). */
export function queryAwarenessMessage(room: string): Uint8Array {
  const name = new TextEncoder().encode(room);
  return Uint8Array.from([...varUint(name.length), ...name, 3]);
}

/** A bare websocket to the server, never authenticated: what a hostile script opens. */
export async function openRawSocket(websocketUrl: string): Promise<{ send(bytes: Uint8Array): void; closes: number[]; close(): void }> {
  const socket = new WebSocketPolyfill(websocketUrl);
  const closes: number[] = [];
  socket.on('close', (code) => closes.push(code));
  await new Promise<void>((resolve) => socket.on('open', resolve));
  return { send: (bytes) => socket.send(bytes), closes, close: () => socket.close() };
}
