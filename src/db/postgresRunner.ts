import pg, { type ClientBase, type QueryConfig } from 'pg';
import { asSqlError, execOneByOne, type QueryResult, type SqlRunner } from '../model/index.ts';

/**
 * A SqlRunner over a node-postgres client: the proofs and DDL tests against a real server. Every
 * statement goes in its own extended-protocol message (`queryMode: 'extended'`), which holds one statement.
 */
export function postgresRunner(client: ClientBase): SqlRunner {
  const exec = async (sql: string) => {
    await client.query(extended(sql));
  };
  return {
    exec,
    execEach: (statements) => execOneByOne(exec, statements),
    async query(sql): Promise<QueryResult> {
      const result = await client.query(extended(sql));
      return { rows: result.rows as Record<string, unknown>[], fields: result.fields.map((f) => f.name) };
    },
  };
}

/** node-postgres sends a query with this mode as Parse/Bind/Execute, which PostgreSQL allows one statement in (its types lack the field). */
function extended(text: string): QueryConfig {
  return { text, queryMode: 'extended' } as QueryConfig;
}

/** Where a connection URL points, with the password left out so it can be printed. */
export interface PostgresTarget {
  host: string;
  port: number;
  database: string;
  /** `postgres://alice@db.example:5432/app`: no password, no query string (it may hold one too). */
  display: string;
}

/** Reads a postgres:// or postgresql:// URL the way node-postgres does; undefined when it is not one. */
export function postgresTarget(url: string): PostgresTarget | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') return undefined;
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const user = decode(parsed.username);
  const host = decode(parsed.hostname) || parsed.searchParams.get('host') || 'localhost';
  const port = Number(parsed.port || parsed.searchParams.get('port') || 5432);
  const database = decode(parsed.pathname.slice(1)) || user;
  return { host, port, database, display: `postgres://${user ? `${user}@` : ''}${host}:${port}/${database}` };
}

/** A connection for one run: its runner, the server's version ("15.14"), and how to let it go. */
export interface PostgresConnection {
  runner: SqlRunner;
  version: string;
  close(): Promise<void>;
}

/** Why a connection could not be made, in a few words that never include the password. */
export class PostgresConnectError extends Error {
  override name = 'PostgresConnectError';
}

/**
 * Connects to the server a URL names and reads its version. A failure rejects with a
 * PostgresConnectError ("connection refused", "host not found", PostgreSQL's own message...);
 * the client is closed again whenever connecting fails. A query the server has not answered after
 * `queryTimeoutMs` rejects, so a server that stops answering cannot hang the caller forever
 * (callers that want a limit on slow statements set statement_timeout below it).
 */
export async function connectPostgres(
  url: string,
  { connectTimeoutMs = 10_000, queryTimeoutMs = 60_000 } = {},
): Promise<PostgresConnection> {
  let client: pg.Client | undefined;
  const close = async () => {
    await client?.end().catch(() => {});
  };
  try {
    client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: connectTimeoutMs,
      query_timeout: queryTimeoutMs,
      application_name: 'erd prove',
    });
    // A server that drops an idle connection emits 'error'; the query waiting on it rejects anyway.
    client.on('error', () => {});
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    const version = /^\S+/.exec(rows[0]?.server_version ?? '')?.[0] ?? 'unknown';
    return { runner: postgresRunner(client), version, close };
  } catch (error) {
    await close();
    throw new PostgresConnectError(withoutSecrets(connectFailure(error, connectTimeoutMs), url));
  }
}

const socketFailures: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS lookup failed)',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

function connectFailure(error: unknown, connectTimeoutMs: number): string {
  const sqlError = asSqlError(error);
  if (sqlError) return sqlError.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && socketFailures[code]) return socketFailures[code];
  const message = error instanceof Error ? error.message : String(error);
  if (/timeout/i.test(message)) return `no answer within ${connectTimeoutMs / 1000} s`;
  return message.split('\n')[0]!;
}

/** Drivers quote their settings in some messages; the password never reaches the terminal. */
function withoutSecrets(message: string, url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const secrets = [parsed?.password, parsed?.searchParams.get('password')].filter((s): s is string => Boolean(s));
  const spellings = secrets.flatMap((s) => {
    try {
      return [s, decodeURIComponent(s)];
    } catch {
      return [s];
    }
  });
  return spellings.reduce((text, secret) => text.replaceAll(secret, '***'), message.replaceAll(url, '***'));
}
