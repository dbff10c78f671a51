import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A room as kept: the digests of its two tokens (never the tokens). */
export interface RoomKeys {
  editDigest: Uint8Array;
  viewDigest: Uint8Array;
}

/** Where the rooms live: one table, in PGlite on disk or in a PostgreSQL server; every query is parameterised. */
export interface RoomStore {
  /** Adds a room with its first state; the id is new (random), so a clash is an error. */
  createRoom(room: string, keys: RoomKeys, state: Uint8Array): Promise<void>;
  /** The room's token digests, or undefined when there is no such room. */
  findRoom(room: string): Promise<RoomKeys | undefined>;
  /** The room's Yjs state (one update), or null when there is no such room. */
  loadState(room: string): Promise<Uint8Array | null>;
  /** Replaces the room's Yjs state; a room that does not exist is not created. */
  saveState(room: string, state: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Runs one parameterised statement and gives its rows. */
type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

const createTable = `CREATE TABLE IF NOT EXISTS erd_rooms (
  id text PRIMARY KEY,
  edit_token_sha256 bytea NOT NULL,
  view_token_sha256 bytea NOT NULL,
  state bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
)`;

const bytes = (value: unknown): Uint8Array => new Uint8Array(value as Uint8Array);

/** The store over any SQL connection: the same statements for PGlite and PostgreSQL. */
async function sqlRoomStore(query: Query, close: () => Promise<void>): Promise<RoomStore> {
  await query(createTable, []);
  return {
    async createRoom(room, keys, state) {
      await query('INSERT INTO erd_rooms (id, edit_token_sha256, view_token_sha256, state) VALUES ($1, $2, $3, $4)', [
        room,
        Buffer.from(keys.editDigest),
        Buffer.from(keys.viewDigest),
        Buffer.from(state),
      ]);
    },
    async findRoom(room) {
      const [row] = await query('SELECT edit_token_sha256, view_token_sha256 FROM erd_rooms WHERE id = $1', [room]);
      return row && { editDigest: bytes(row.edit_token_sha256), viewDigest: bytes(row.view_token_sha256) };
    },
    async loadState(room) {
      const [row] = await query('SELECT state FROM erd_rooms WHERE id = $1', [room]);
      return row ? bytes(row.state) : null;
    },
    async saveState(room, state) {
      await query('UPDATE erd_rooms SET state = $2, updated_at = now() WHERE id = $1', [room, Buffer.from(state)]);
    },
    close,
  };
}

/**
 * Rooms in PGlite on disk under `storageDir` (made on first use: no set-up). A new folder starts from
 * `startingDataDir` when given (an initialised data directory dumped by PGlite: a second instead of
 * initdb's ten on a loaded machine).
 */
export async function pgliteRoomStore(storageDir: string, startingDataDir?: Blob): Promise<RoomStore> {
  const { PGlite } = await import('@electric-sql/pglite');
  const dataDir = join(storageDir, 'rooms-pglite');
  mkdirSync(dataDir, { recursive: true });
  const isNew = !existsSync(join(dataDir, 'PG_VERSION'));
  const pg = await PGlite.create({ dataDir, ...(isNew && startingDataDir ? { loadDataDir: startingDataDir } : {}) });
  return sqlRoomStore(
    async (sql, params) => (await pg.query<Record<string, unknown>>(sql, params)).rows,
    () => pg.close(),
  );
}

/** Rooms in the PostgreSQL server at `url` (table erd_rooms, made if missing). */
export async function postgresRoomStore(url: string): Promise<RoomStore> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    return await sqlRoomStore(
      async (sql, params) => (await pool.query(sql, params)).rows as Record<string, unknown>[],
      () => pool.end(),
    );
  } catch (error) {
    await pool.end();
    throw error;
  }
}
