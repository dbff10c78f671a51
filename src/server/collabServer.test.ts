import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { testDataDirPath } from '../testing/testDataDir.ts';
import { createTestRoom, joinTestRoom, updateMessage, type TestClient } from '../testing/collabClients.ts';
import { startCollabServer, type CollabServer } from './startCollabServer.ts';

/** A document with one entry, as a room's first state. */
function aDoc(entries: Record<string, string> = { title: 'orders' }): Y.Doc {
  const doc = new Y.Doc();
  for (const [key, value] of Object.entries(entries)) doc.getMap('meta').set(key, value);
  return doc;
}

const meta = (client: TestClient) => client.doc.getMap('meta').toJSON();
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
  const synced = (client: TestClient) => vi.waitFor(() => expect(client.provider.isSynced).toBe(true), { timeout: 10_000 });

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
    const room = await createTestRoom(server.httpUrl, aDoc());
    expect(room.room).toMatch(/^[A-Za-z0-9_-]{24}$/); // 18 random bytes: 144 bits
    expect(new Set([room.room, room.editToken, room.viewToken]).size).toBe(3);
    const [a, b] = [enter(room.room, room.editToken), enter(room.room, room.editToken)];
    await Promise.all([synced(a), synced(b)]);
    expect(meta(b)).toEqual({ title: 'orders' });
    a.doc.getMap('meta').set('title', 'orders v2');
    b.doc.getMap('meta').set('owner', 'ada');
    await vi.waitFor(() => expect(meta(a)).toEqual({ title: 'orders v2', owner: 'ada' }));
    await vi.waitFor(() => expect(meta(b)).toEqual({ title: 'orders v2', owner: 'ada' }));
    const secrets = [room.room, room.editToken, room.viewToken];
    expect(logs.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
  });

  it('refuses a wrong token', async () => {
    const room = await createTestRoom(server.httpUrl, aDoc());
    const intruder = enter(room.room, room.editToken.slice(0, -2) + 'xx');
    const failed = new Promise((resolve) => intruder.provider.on('authenticationFailed', resolve));
    await failed;
    expect(meta(intruder)).toEqual({});
  });

  it('refuses on the server an update sent on a view-only token', async () => {
    const room = await createTestRoom(server.httpUrl, aDoc());
    const [editor, viewer] = [enter(room.room, room.editToken), enter(room.room, room.viewToken)];
    await Promise.all([synced(editor), synced(viewer)]);
    viewer.doc.getMap('meta').set('title', 'defaced'); // the provider sends it: the server must refuse it
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(viewer.doc));
    local.getMap('meta').set('owner', 'mallory');
    viewer.sendRaw(updateMessage(room.room, Y.encodeStateAsUpdate(local, Y.encodeStateVector(viewer.doc))));
    editor.doc.getMap('meta').set('owner', 'ada'); // a later edit that does arrive
    await vi.waitFor(() => expect(meta(viewer)).toMatchObject({ owner: 'ada' }));
    expect(meta(editor)).toEqual({ title: 'orders', owner: 'ada' });
    const late = enter(room.room, room.editToken);
    await synced(late);
    expect(meta(late)).toEqual({ title: 'orders', owner: 'ada' });
  });

  it('drops and logs an update that would break the room, which reaches neither the other client nor the stored room', async () => {
    const room = await createTestRoom(server.httpUrl, aDoc());
    const [mallory, ada] = [enter(room.room, room.editToken), enter(room.room, room.editToken)];
    await Promise.all([synced(mallory), synced(ada)]);
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(mallory.doc));
    forged.getMap('meta').set('title', '<img src=x onerror=alert(1)>');
    const update = Y.encodeStateAsUpdate(forged, Y.encodeStateVector(mallory.doc));
    // Without its last byte (the delete set), Yjs integrates the new entry and only then throws: applied
    // unchecked, the entry would stay in the room and be sent to everyone.
    mallory.sendRaw(updateMessage(room.room, update.subarray(0, update.length - 1)));
    await vi.waitFor(() => expect(mallory.closes.map((close) => close.code)).toContain(4400));
    expect(logs.some((line) => line.startsWith('refused a message in room ') && line.includes('not an update of this room'))).toBe(true);
    ada.doc.getMap('meta').set('owner', 'ada');
    const late = enter(room.room, room.viewToken);
    await synced(late);
    await vi.waitFor(() => expect(meta(late)).toEqual({ title: 'orders', owner: 'ada' }));
    expect(meta(ada)).toEqual({ title: 'orders', owner: 'ada' });
  });

  it('closes the connection of a client that sends an oversized message', async () => {
    const room = await createTestRoom(server.httpUrl, aDoc());
    const [big, other] = [enter(room.room, room.editToken), enter(room.room, room.editToken)];
    await Promise.all([synced(big), synced(other)]);
    big.doc.getMap('meta').set('blob', 'x'.repeat(maxMessageBytes + 1));
    await vi.waitFor(() => expect(big.closes.map((close) => close.code)).toContain(1009));
    other.doc.getMap('meta').set('owner', 'ada');
    const late = enter(room.room, room.viewToken);
    await vi.waitFor(() => expect(meta(late)).toEqual({ title: 'orders', owner: 'ada' }));
    expect(meta(other)).not.toHaveProperty('blob');
  });

  it('refuses to create a room from an oversized body, or from bytes that are no document', async () => {
    const tooBig = await fetch(`${server.httpUrl}/api/rooms`, { method: 'POST', body: new Uint8Array(maxMessageBytes + 1) });
    expect(tooBig.status).toBe(413);
    const garbage = await fetch(`${server.httpUrl}/api/rooms`, { method: 'POST', body: new Uint8Array([1, 1, 255, 255, 255]) });
    expect(garbage.status).toBe(400);
    expect((await fetch(`${server.httpUrl}/api/rooms`)).status).toBe(405);
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
      const room = await createTestRoom(server.httpUrl, aDoc());
      const editor = joinTestRoom(server.websocketUrl, room.room, room.editToken);
      await vi.waitFor(() => expect(editor.provider.isSynced).toBe(true));
      editor.doc.getMap('meta').set('owner', 'ada');
      await vi.waitFor(() => expect(editor.provider.hasUnsyncedChanges).toBe(false));
      editor.destroy();
      await server.stop();
      server = await startCollabServer(options);
      const back = joinTestRoom(server.websocketUrl, room.room, room.viewToken);
      await vi.waitFor(() => expect(meta(back)).toEqual({ title: 'orders', owner: 'ada' }), { timeout: 10_000 });
      back.destroy();
    } finally {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
