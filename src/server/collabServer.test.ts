import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { testDataDirPath } from '../testing/testDataDir.ts';
import {
  aRoomDoc,
  addTableIn,
  createTestRoom,
  joinTestRoom,
  openRawSocket,
  queryAwarenessMessage,
  renameTableIn,
  tableNames,
  updateMessage,
  type TestClient,
} from '../testing/collabClients.ts';
import { defaultLimits } from './limits.ts';
import { rateLimitedCode, unauthenticatedCode } from './socketGuard.ts';
import { startCollabServer, type CollabServer } from './startCollabServer.ts';

/** Waits for a condition; generous, since the machine may be loaded (the tests assert what happens, not how fast). */
const eventually = <T>(check: () => T) => vi.waitFor(check, { timeout: 15_000, interval: 50 });

const names = (client: TestClient) => tableNames(client.doc);
const maxMessageBytes = 64 * 1024;
/** The suite's initialised PGlite data directory: a new room store starts from it instead of running initdb. */
const startingDataDir = () => new Blob([readFileSync(testDataDirPath())]);

/** GET with the path sent as written (fetch would normalise `/../`). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { method: 'GET', path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the collaboration server', () => {
  let root: string;
  let server: CollabServer;
  const logs: string[] = [];
  const clients: TestClient[] = [];
  const enter = (room: string, token: string) => {
    const client = joinTestRoom(server.websocketUrl, room, token);
    clients.push(client);
    return client;
  };
  const synced = (client: TestClient) => eventually(() => expect(client.provider.isSynced).toBe(true));

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'erd-collab-'));
    mkdirSync(join(root, 'site', 'assets'), { recursive: true });
    writeFileSync(join(root, 'site', 'index.html'), '<!doctype html><title>erd</title>');
    writeFileSync(join(root, 'site', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'site', 'assets', 'pglite.wasm'), new Uint8Array([0, 97, 115, 109]));
    writeFileSync(join(root, 'secret.txt'), 'not for the web');
    server = await startCollabServer({
      port: 0,
      host: '127.0.0.1',
      storage: { dir: join(root, 'storage'), startingDataDir: startingDataDir() },
      staticDir: join(root, 'site'),
      limits: { maxMessageBytes },
      log: (line) => logs.push(line),
    });
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('lets two editors of one room see each other’s edits, and never logs a room id or a token', async () => {
    const room = await createTestRoom(server.httpUrl, aRoomDoc('orders'));
    expect(room.room).toMatch(/^[A-Za-z0-9_-]{24}$/); // 18 random bytes: 144 bits
    expect(new Set([room.room, room.editToken, room.viewToken]).size).toBe(3);
    const [a, b] = [enter(room.room, room.editToken), enter(room.room, room.editToken)];
    await Promise.all([synced(a), synced(b)]);
    expect(names(b)).toEqual(['orders']);
    renameTableIn(a.doc, 'orders', 'orders_v2');
    addTableIn(b.doc, 'customers');
    await eventually(() => expect(names(a)).toEqual(['orders_v2', 'customers']));
    await eventually(() => expect(names(b)).toEqual(['orders_v2', 'customers']));
    const secrets = [room.room, room.editToken, room.viewToken];
    expect(logs.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
  });

  it('refuses a wrong token', async () => {
    const room = await createTestRoom(server.httpUrl, aRoomDoc('orders'));
    const intruder = enter(room.room, room.editToken.slice(0, -2) + 'xx');
    const failed = new Promise((resolve) => intruder.provider.on('authenticationFailed', resolve));
    await failed;
    expect(names(intruder)).toEqual([]);
  });

  it('refuses on the server an update sent on a view-only token', async () => {
    const room = await createTestRoom(server.httpUrl, aRoomDoc('orders'));
    const [editor, viewer] = [enter(room.room, room.editToken), enter(room.room, room.viewToken)];
    await Promise.all([synced(editor), synced(viewer)]);
    expect([editor.provider.authorizedScope, viewer.provider.authorizedScope]).toEqual(['read-write', 'readonly']);
    renameTableIn(viewer.doc, 'orders', 'defaced'); // the provider sends it: the server must refuse it
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(viewer.doc));
    addTableIn(local, 'mallory');
    viewer.sendRaw(updateMessage(room.room, Y.encodeStateAsUpdate(local, Y.encodeStateVector(viewer.doc))));
    addTableIn(editor.doc, 'customers'); // a later edit that does arrive
    await eventually(() => expect(names(viewer)).toContain('customers'));
    expect(names(editor)).toEqual(['orders', 'customers']);
    const late = enter(room.room, room.editToken);
    await synced(late);
    expect(names(late)).toEqual(['orders', 'customers']);
  });

  it.each<[string, (forged: Y.Doc, update: (forged: Y.Doc) => Uint8Array) => Uint8Array, RegExp]>([
    [
      // Without its last byte (the delete set), Yjs integrates the new table and only then throws: applied
      // unchecked, the table would stay in the room and be sent to everyone.
      'a truncated update Yjs would half-apply',
      (forged, update) => {
        addTableIn(forged, 'mallory');
        const whole = update(forged);
        return whole.subarray(0, whole.length - 1);
      },
      /not a Yjs update/,
    ],
    [
      'a part no document has',
      (forged, update) => (forged.getMap('scripts').set('run', '<script>alert(1)</script>'), update(forged)),
      /unknown top-level part/,
    ],
  ])('drops and logs %s: it reaches neither the other client nor the stored room', async (_, forge, reason) => {
    const room = await createTestRoom(server.httpUrl, aRoomDoc('orders'));
    const [mallory, ada] = [enter(room.room, room.editToken), enter(room.room, room.editToken)];
    await Promise.all([synced(mallory), synced(ada)]);
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(mallory.doc));
    const update = forge(forged, (doc) => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(mallory.doc)));
    const logged = logs.length;
    mallory.sendRaw(updateMessage(room.room, update));
    await eventually(() => expect(mallory.closes.map((close) => close.code)).toContain(4400));
    expect(logs.slice(logged).find((line) => line.startsWith('refused a message in room '))).toMatch(reason);
    addTableIn(ada.doc, 'customers');
    const late = enter(room.room, room.viewToken);
    await eventually(() => expect(names(late)).toEqual(['orders', 'customers']));
    expect(late.doc.share.has('scripts')).toBe(false);
    expect(names(ada)).toEqual(['orders', 'customers']);
  });

  it('refuses a message Hocuspocus would throw on before Hocuspocus reads it, so nothing logs the room id', async () => {
    const room = await createTestRoom(server.httpUrl, aRoomDoc('orders'));
    const client = enter(room.room, room.editToken);
    await synced(client);
    const consoleError = vi.spyOn(console, 'error');
    try {
      const name = new TextEncoder().encode(room.room);
      client.sendRaw(Uint8Array.from([name.length, ...name, 0, 7, 0])); // sync message type 7 does not exist
      await eventually(() => expect(client.closes.map((close) => close.code)).toContain(4400));
      expect(logs.at(-1)).toMatch(/^refused a message in room \w{8}: unknown sync message 7/);
      expect(
        consoleError.mock.calls
          .flat()
          .map(String)
          .filter((text) => text.includes(room.room)),
      ).toEqual([]);
    } finally {
      consoleError.mockRestore();
    }
  });

  it('closes the connection of a client that sends an oversized message', async () => {
    const room = await createTestRoom(server.httpUrl, aRoomDoc('orders'));
    const [big, other] = [enter(room.room, room.editToken), enter(room.room, room.editToken)];
    await Promise.all([synced(big), synced(other)]);
    renameTableIn(big.doc, 'orders', 'x'.repeat(maxMessageBytes + 1));
    await eventually(() => expect(big.closes.map((close) => close.code)).toContain(1009));
    addTableIn(other.doc, 'customers');
    const late = enter(room.room, room.viewToken);
    await eventually(() => expect(names(late)).toEqual(['orders', 'customers']));
    expect(names(other)).toEqual(['orders', 'customers']);
  });

  it('closes a connection that floods the server with messages', async () => {
    const room = await createTestRoom(server.httpUrl, aRoomDoc('orders'));
    const flooder = enter(room.room, room.viewToken);
    await synced(flooder);
    const logged = logs.length;
    for (let i = 0; i < 3000; i++) flooder.sendRaw(queryAwarenessMessage(room.room)); // the default allows bursts of 2,000
    await eventually(() => expect(flooder.closes.map((close) => close.code)).toContain(rateLimitedCode));
    expect(logs.slice(logged)).toContain('closed a connection that sent too many messages');
  });

  it('closes a socket that sends more than a few messages, or bytes, before its token is accepted (Hocuspocus would queue them all)', async () => {
    const room = await createTestRoom(server.httpUrl, aRoomDoc('orders'));
    const [chatty, heavy] = [await openRawSocket(server.websocketUrl), await openRawSocket(server.websocketUrl)];
    for (let i = 0; i <= defaultLimits.messagesBeforeAuthentication; i++) chatty.send(queryAwarenessMessage(room.room));
    const half = new Uint8Array(defaultLimits.bytesBeforeAuthentication / 2);
    for (let i = 0; i < 3; i++) heavy.send(updateMessage(room.room, half));
    await eventually(() => expect([...chatty.closes, ...heavy.closes]).toEqual([unauthenticatedCode, unauthenticatedCode]));
    const member = enter(room.room, room.editToken);
    await synced(member);
    expect(member.closes).toEqual([]);
  });

  it('refuses to create a room from an oversized body, or from bytes that are no document', async () => {
    const tooBig = await fetch(`${server.httpUrl}/api/rooms`, { method: 'POST', body: new Uint8Array(maxMessageBytes + 1) });
    expect(tooBig.status).toBe(413);
    const garbage = await fetch(`${server.httpUrl}/api/rooms`, { method: 'POST', body: new Uint8Array([1, 1, 255, 255, 255]) });
    expect(garbage.status).toBe(400);
    expect((await fetch(`${server.httpUrl}/api/rooms`)).status).toBe(405);
  });

  it('refuses to create rooms past the rate an address may', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < defaultLimits.burstRooms + 1; i++)
      statuses.push((await fetch(`${server.httpUrl}/api/rooms`, { method: 'POST', body: new Uint8Array([0, 0]) })).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThan(0);
  });

  it('serves the built app with its content types and nothing outside it', async () => {
    expect(await rawGet(server.httpUrl, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await rawGet(server.httpUrl, '/assets/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await rawGet(server.httpUrl, '/assets/pglite.wasm')).toMatchObject({ status: 200, type: 'application/wasm' });
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00',
      '/..\\secret.txt',
    ]) {
      const answer = await rawGet(server.httpUrl, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('not for the web');
    }
  });
});

describe('a restart of the collaboration server', () => {
  it('keeps the room and its edits', async () => {
    const root = mkdtempSync(join(tmpdir(), 'erd-collab-restart-'));
    const options = { port: 0, host: '127.0.0.1', storage: { dir: root, startingDataDir: startingDataDir() }, log: () => {} };
    let server = await startCollabServer(options);
    try {
      const room = await createTestRoom(server.httpUrl, aRoomDoc('orders'));
      const editor = joinTestRoom(server.websocketUrl, room.room, room.editToken);
      await eventually(() => expect(editor.provider.isSynced).toBe(true));
      renameTableIn(editor.doc, 'orders', 'orders_v2');
      await eventually(() => expect(editor.provider.hasUnsyncedChanges).toBe(false));
      editor.destroy();
      await server.stop();
      server = await startCollabServer(options);
      const back = joinTestRoom(server.websocketUrl, room.room, room.viewToken);
      await eventually(() => expect(tableNames(back.doc)).toEqual(['orders_v2']));
      back.destroy();
    } finally {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
