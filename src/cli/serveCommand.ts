import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CliIo } from './main.ts';

export const serveUsage = `Usage: erd serve [options]

Runs the collaboration server for a team: the built app and its live rooms on one port (the app at /,
rooms created by POST /api/rooms, the websocket at /collab). Stop it with Ctrl-C; open rooms are
stored first.

  --port P        the port (default 8787)
  --host ADDRESS  the address to listen on (default 0.0.0.0: every interface)
  --storage DIR   where rooms are kept, in an embedded PostgreSQL (PGlite) (default ./erd-rooms)

Environment:
  DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/DATABASE   keep rooms in that PostgreSQL instead
                  (table erd_rooms, made if missing)
  REDIS_URL=redis://HOST:PORT   share rooms with the other instances using that Redis (behind a
                  load balancer; they need the same DATABASE_URL)

Whoever runs this server can read every room kept on it.
`;

/** The built app (dist/ at the package's root), from the built CLI (dist-cli/) or from the sources (src/cli/). */
function builtApp(): string | undefined {
  const candidates = [new URL('../dist/', import.meta.url), new URL('../../dist/', import.meta.url)].map((url) => fileURLToPath(url));
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** What `erd serve` needs besides its arguments: the environment, and (for tests) when to stop instead of a signal. */
export interface ServeContext {
  env: Record<string, string | undefined>;
  stopped?: Promise<unknown>;
}

/** Until SIGINT or SIGTERM. */
function signalled(): Promise<unknown> {
  return new Promise((resolvePromise) => {
    process.once('SIGINT', resolvePromise);
    process.once('SIGTERM', resolvePromise);
  });
}

/** `erd serve`: starts the collaboration server and runs until stopped; resolves to the exit code. */
export async function serveCommand(argv: string[], io: CliIo, context: ServeContext = { env: process.env }): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, host: { type: 'string' }, storage: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    io.stderr(`erd serve: ${(error as Error).message}\n${serveUsage}`);
    return 2;
  }
  if (values.help) {
    io.stdout(serveUsage);
    return 0;
  }
  const port = Number(values.port ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`erd serve: --port takes a port number\n${serveUsage}`);
    return 2;
  }
  const databaseUrl = context.env.DATABASE_URL || undefined;
  const redisUrl = context.env.REDIS_URL || undefined;
  if (redisUrl && !databaseUrl) {
    io.stderr('erd serve: REDIS_URL needs DATABASE_URL: instances share rooms through one PostgreSQL (each PGlite is its own)\n');
    return 2;
  }
  const storageDir = resolve(values.storage ?? 'erd-rooms');
  const staticDir = builtApp();
  const [{ startCollabServer }, { shippedDataDir }] = await Promise.all([
    import('../server/startCollabServer.ts'),
    import('./shippedDataDir.ts'),
  ]);
  let server;
  try {
    server = await startCollabServer({
      port,
      host: values.host ?? '0.0.0.0',
      storage: databaseUrl ? { databaseUrl } : { dir: storageDir, startingDataDir: shippedDataDir() },
      redisUrl,
      staticDir,
      log: (line) => io.stderr(`erd serve: ${line}\n`),
    });
  } catch (error) {
    io.stderr(`erd serve: could not start: ${(error as Error).message}\n`);
    return 2;
  }
  io.stdout(
    [
      `erd serve: listening on ${server.httpUrl} (websocket ${server.websocketUrl})`,
      staticDir ? `the app: ${staticDir}` : 'the app is not built (npm run build makes dist/): serving rooms only',
      `rooms kept in ${databaseUrl ? 'the PostgreSQL server of DATABASE_URL' : storageDir}${redisUrl ? ', shared through REDIS_URL' : ''}`,
      'whoever runs this server can read every room kept on it',
    ].join('\n') + '\n',
  );
  await (context.stopped ?? signalled());
  await server.stop();
  io.stderr('erd serve: stopped; rooms stored\n');
  return 0;
}
