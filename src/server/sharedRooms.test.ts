import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  aRoomDoc,
  addTableIn,
  createTestRoom,
  joinTestRoom,
  renameTableIn,
  tableNames,
  type TestClient,
} from '../testing/collabClients.ts';
import { redisSkipReason, startTestRedis } from '../testing/redisServer.ts';
import { serverDatabase } from '../testing/serverDatabase.ts';
import { startCollabServer, type CollabServer } from './startCollabServer.ts';

/** Waits for a condition; generous, since the machine may be loaded (the tests assert what happens, not how fast). */
const eventually = <T>(check: () => T) => vi.waitFor(check, { timeout: 15_000, interval: 50 });

const postgresSkip = inject('postgresUrl') ? undefined : inject('postgresSkipReason');
const redisSkip = postgresSkip ?? redisSkipReason();

const names = (client: TestClient) => tableNames(client.doc);
const synced = (client: TestClient) => eventually(() => expect(client.provider.isSynced).toBe(true));

describe.skipIf(Boolean(postgresSkip))(
  postgresSkip ? `rooms in PostgreSQL: skipped: ${postgresSkip}` : 'rooms in PostgreSQL (DATABASE_URL)',
  () => {
    let database: { url: string; drop(): Promise<void> };
    beforeAll(async () => {
      database = await serverDatabase('erd_collab_rooms');
    });
    afterAll(() => database?.drop());

    it('keeps a room across a restart, in one table that holds no token', async () => {
      const options = { port: 0, host: '127.0.0.1', storage: { databaseUrl: database.url }, log: () => {} };
      let server = await startCollabServer(options);
      try {
        const room = await createTestRoom(server.httpUrl, aRoomDoc('orders'));
        const editor = joinTestRoom(server.websocketUrl, room.room, room.editToken);
        await synced(editor);
        renameTableIn(editor.doc, 'orders', 'orders_v2');
        await eventually(() => expect(editor.provider.hasUnsyncedChanges).toBe(false));
        editor.destroy();
        await server.stop();

        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        const { rows } = await client.query('SELECT id, edit_token_sha256, view_token_sha256, state FROM erd_rooms');
        await client.end();
        expect(rows).toHaveLength(1);
        expect(rows[0].id).toBe(room.room);
        expect(rows[0].edit_token_sha256).toHaveLength(32);
        const stored = new Y.Doc();
        Y.applyUpdate(stored, rows[0].state as Uint8Array);
        expect(tableNames(stored)).toEqual(['orders_v2']);
        const everything = JSON.stringify(rows);
        expect(everything).not.toContain(room.editToken);
        expect(everything).not.toContain(room.viewToken);

        server = await startCollabServer(options);
        const back = joinTestRoom(server.websocketUrl, room.room, room.viewToken);
        await eventually(() => expect(names(back)).toEqual(['orders_v2']));
        back.destroy();
      } finally {
        await server.stop();
      }
    });
  },
);

describe.skipIf(Boolean(redisSkip))(
  redisSkip
    ? `two server instances sharing rooms through Redis: skipped: ${redisSkip}`
    : 'two server instances sharing rooms through Redis',
  () => {
    let database: { url: string; drop(): Promise<void> };
    let redis: Awaited<ReturnType<typeof startTestRedis>>;
    const servers: CollabServer[] = [];
    const clients: TestClient[] = [];
    beforeAll(async () => {
      database = await serverDatabase('erd_collab_redis');
      redis = await startTestRedis();
      if ('skipReason' in redis) throw new Error(redis.skipReason);
      for (let i = 0; i < 2; i++)
        servers.push(
          await startCollabServer({
            port: 0,
            host: '127.0.0.1',
            storage: { databaseUrl: database.url },
            redisUrl: redis.url,
            log: () => {},
          }),
        );
    });
    afterAll(async () => {
      for (const client of clients) client.destroy();
      for (const server of servers) await server.stop();
      if (redis && 'stop' in redis) await redis.stop();
      await database?.drop();
    });

    it('delivers an edit made on one instance to a client of the other', async () => {
      const [one, two] = servers as [CollabServer, CollabServer];
      const room = await createTestRoom(one.httpUrl, aRoomDoc('orders'));
      const a = joinTestRoom(one.websocketUrl, room.room, room.editToken);
      const b = joinTestRoom(two.websocketUrl, room.room, room.editToken);
      clients.push(a, b);
      await Promise.all([synced(a), synced(b)]);
      expect(names(b)).toEqual(['orders']);
      addTableIn(a.doc, 'customers');
      await eventually(() => expect(names(b)).toEqual(['orders', 'customers']));
      renameTableIn(b.doc, 'orders', 'orders_v2');
      await eventually(() => expect(names(a)).toEqual(['orders_v2', 'customers']));
    });
  },
);
