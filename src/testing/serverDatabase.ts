import pg from 'pg';
import { inject } from 'vitest';
import { postgresRunner } from '../db/index.ts';
import type { SqlRunner } from '../model/index.ts';
import type { Engine } from './engines.ts';

/**
 * A database of its own on the test server, made afresh: test files run in parallel on that one
 * server, and a test that snapshots the whole catalog (or builds `books` in public) must not see
 * another file's tables come and go. `drop` removes it.
 */
export async function serverDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = inject('postgresUrl');
  if (!serverUrl) throw new Error('no PostgreSQL server in this run');
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The test server as an engine, in a database of its own (see serverDatabase); `close` from afterAll. */
export function serverEngine(name: string): Engine & { close(): Promise<void> } {
  let opened: Promise<{ client: pg.Client; drop(): Promise<void> }> | undefined;
  return {
    name: 'PostgreSQL server',
    async runner(): Promise<SqlRunner> {
      opened ??= (async () => {
        const database = await serverDatabase(name);
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        client.on('notice', () => {});
        return { client, drop: database.drop };
      })();
      return postgresRunner((await opened).client);
    },
    async close() {
      if (!opened) return;
      const { client, drop } = await opened;
      opened = undefined;
      await client.end();
      await drop();
    },
  };
}

/** Why the server engine is skipped (no server in this run), or false. */
export const serverSkip: string | false = inject('postgresUrl') ? false : inject('postgresSkipReason');
