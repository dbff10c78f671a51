import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { newSecret, logName, tokenDigest } from './roomSecrets.ts';
import type { RoomStore } from './roomStore.ts';
import type { UpdateGate } from './updateGate.ts';

/** What POST /api/rooms answers: the room and its two tokens, given once (the store keeps only their digests). */
export interface CreatedRoom {
  room: string;
  editToken: string;
  viewToken: string;
}

/** Reads a request body up to `maxBytes`; undefined when it is larger (the rest is not read). */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Uint8Array | undefined> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve(undefined);
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners('data');
        request.pause();
        resolvePromise(undefined);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

function answer(response: ServerResponse, status: number, body: unknown, close = false): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {}),
  });
  response.end(JSON.stringify(body) + '\n');
}

/**
 * POST /api/rooms: the body is the first Yjs update of the document (application/octet-stream), checked
 * by the gate as any update; answers 201 with { room, editToken, viewToken }, 413 when the body is too
 * large, 400 when the gate refuses it.
 */
export async function createRoom(
  request: IncomingMessage,
  response: ServerResponse,
  options: { store: RoomStore; gate: UpdateGate; maxBytes: number; log: (line: string) => void },
): Promise<void> {
  const body = await readBody(request, options.maxBytes);
  if (!body) return answer(response, 413, { error: `the document is larger than ${options.maxBytes} bytes` }, true);
  const verdict = body.length === 0 ? { ok: false as const, reason: 'empty body' } : options.gate(new Y.Doc(), body);
  if (!verdict.ok) return answer(response, 400, { error: `the document was refused: ${verdict.reason}` });
  const created: CreatedRoom = { room: newSecret(), editToken: newSecret(), viewToken: newSecret() };
  const keys = { editDigest: tokenDigest(created.editToken), viewDigest: tokenDigest(created.viewToken) };
  await options.store.createRoom(created.room, keys, body);
  options.log(`created room ${logName(created.room)} (${body.length} bytes)`);
  answer(response, 201, created);
}
