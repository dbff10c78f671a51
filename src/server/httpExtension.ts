import type { Extension, onRequestPayload, onUpgradePayload } from '@hocuspocus/server';
import type { Duplex } from 'node:stream';
import { roomCreationLimiter, type CollabLimits } from './limits.ts';
import { createRoom } from './roomsApi.ts';
import type { RoomStore } from './roomStore.ts';
import { serveStatic } from './staticFiles.ts';
import type { UpdateGate } from './updateGate.ts';

/** The websocket's path: the app and the rooms share one port. */
export const collabPath = '/collab';
/** Where rooms are created. */
export const roomsPath = '/api/rooms';

/** Rejecting a Hocuspocus hook with nothing stops its default answer, and Hocuspocus logs nothing. */
const handled = (): Promise<never> => Promise.reject(undefined);

/**
 * HTTP on the collaboration server's port, as a Hocuspocus extension: POST /api/rooms, the built app
 * from `staticDir`, and websocket upgrades only on /collab.
 */
export function httpExtension(options: {
  store: RoomStore;
  gate: UpdateGate;
  limits: Pick<CollabLimits, 'maxMessageBytes' | 'roomsPerMinute' | 'burstRooms' | 'allRoomsPerMinute' | 'allBurstRooms'>;
  staticDir?: string;
  log: (line: string) => void;
}): Extension {
  const { limits } = options;
  const creations = roomCreationLimiter(limits);
  return {
    extensionName: 'erd-http',
    async onRequest({ request, response }: onRequestPayload) {
      const path = (request.url ?? '/').split('?')[0]!;
      try {
        if (path === roomsPath && request.method === 'POST' && !creations.take(request.socket.remoteAddress ?? ''))
          response.writeHead(429, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '60' }).end('Too many rooms created\n');
        else if (path === roomsPath && request.method === 'POST')
          await createRoom(request, response, {
            store: options.store,
            gate: options.gate,
            maxBytes: limits.maxMessageBytes,
            log: options.log,
          });
        else if (path.startsWith('/api/') || path === roomsPath)
          response.writeHead(path === roomsPath ? 405 : 404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('No such API\n');
        else if (options.staticDir && (request.method === 'GET' || request.method === 'HEAD'))
          await serveStatic(options.staticDir, request, response);
        else response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      } catch (error) {
        options.log(`request failed: ${(error as Error).message}`);
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Server error\n');
      }
      return handled();
    },
    async onUpgrade({ request, socket }: onUpgradePayload) {
      if ((request.url ?? '').split('?')[0] === collabPath) return;
      (socket as Duplex).end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return handled();
    },
  };
}
