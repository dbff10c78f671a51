import type { IncomingMessage } from 'node:http';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import { guardExtension } from './guardExtension.ts';
import { collabPath, httpExtension } from './httpExtension.ts';
import { defaultLimits, type CollabLimits } from './limits.ts';
import { socketGuard, type GuardedSocket } from './socketGuard.ts';
import { pgliteRoomStore, postgresRoomStore } from './roomStore.ts';
import { checkUpdate, type UpdateGate } from './updateGate.ts';

/** How to start the collaboration server. */
export interface CollabServerOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Rooms in PGlite under this folder (a new one starts from `startingDataDir` when given), or in a PostgreSQL server. */
  storage: { dir: string; startingDataDir?: Blob } | { databaseUrl: string };
  /** redis://… : several instances behind a load balancer share rooms through it. */
  redisUrl?: string;
  /** The built app (dist/), served on the same port. */
  staticDir?: string;
  limits?: Partial<CollabLimits>;
  /** Where the server says what it did (never a room id or a token); stderr by default. */
  log?: (line: string) => void;
  /** Checks each update before it reaches a room (tests give their own). */
  gate?: UpdateGate;
}

/** A running server. */
export interface CollabServer {
  port: number;
  /** http://host:port, and ws://host:port/collab for the provider. */
  httpUrl: string;
  websocketUrl: string;
  /** Closes connections, stores every open room, then closes the store. */
  stop(): Promise<void>;
}

/** Redis options from a redis:// or rediss:// URL, as the Redis extension takes them. */
function redisConfiguration(url: string) {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.slice(1) || 0);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    prefix: 'erd',
    options: {
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      ...(db ? { db } : {}),
      ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  };
}

/** Starts Hocuspocus with the rooms' store, the guard, Redis when asked and the app's files, on one port. */
export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const limits = { ...defaultLimits, ...options.limits };
  const log = options.log ?? ((line: string) => process.stderr.write(`erd serve: ${line}\n`));
  const gate = options.gate ?? checkUpdate;
  const store =
    'dir' in options.storage
      ? await pgliteRoomStore(options.storage.dir, options.storage.startingDataDir)
      : await postgresRoomStore(options.storage.databaseUrl);
  const sockets = socketGuard(limits, log);
  const extensions: Extension[] = [
    httpExtension({ store, gate, limits, staticDir: options.staticDir, log }),
    guardExtension({ store, limits, gate, log, onAuthenticated: sockets.authenticated }),
    new Database({
      fetch: ({ documentName }) => store.loadState(documentName),
      store: ({ documentName, state }) => store.saveState(documentName, state),
    }),
  ];
  if (options.redisUrl) extensions.push(new Redis(redisConfiguration(options.redisUrl)));
  const server = new Server(
    { port: options.port, address: options.host, quiet: true, stopOnSignals: false, debounce: 1000, maxDebounce: 5000, extensions },
    { maxPayload: limits.maxMessageBytes },
  );
  server.webSocketServer.on('connection', (socket: GuardedSocket, request: IncomingMessage) =>
    sockets.watch(socket, request, request.socket.remoteAddress ?? ''),
  );
  try {
    await server.listen();
  } catch (error) {
    await store.close();
    throw error;
  }
  const { port } = server.address;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    port,
    httpUrl: `http://${host}:${port}`,
    websocketUrl: `ws://${host}:${port}${collabPath}`,
    async stop() {
      await server.destroy();
      // Hocuspocus leaves open sockets alive: closed here, pages see the server gone at once (not after the provider's 30 s silence) and nothing writes to the closed store.
      for (const socket of server.webSocketServer.clients) socket.terminate();
      await store.close();
    },
  };
}
