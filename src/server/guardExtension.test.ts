import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { beforeHandleMessagePayload } from '@hocuspocus/server';
import { updateMessage } from '../testing/collabClients.ts';
import { guardExtension, updateRefusedCode } from './guardExtension.ts';
import type { RoomStore } from './roomStore.ts';
import type { UpdateGate } from './updateGate.ts';

const room = 'r'.repeat(24);

/** The guard with `gate`, and a connection whose close code and the log lines the tests read. */
function guarded(gate: UpdateGate, readOnly = false) {
  const logs: string[] = [];
  const closes: number[] = [];
  const guard = guardExtension({ store: {} as RoomStore, limits: { maxRoomBytes: 1 << 20 }, gate, log: (line) => logs.push(line) });
  const connection = { readOnly, webSocket: { close: (code: number) => closes.push(code) } };
  const handle = (message: Uint8Array) =>
    guard.beforeHandleMessage!({
      connection,
      document: new Y.Doc(),
      documentName: room,
      update: message,
    } as unknown as beforeHandleMessagePayload);
  return { logs, closes, handle };
}

/** Whether a promise settled within a few turns of the event loop. */
const settles = (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise((resolve) => setTimeout(() => resolve(false), 20)),
  ]);

const anUpdate = () => {
  const doc = new Y.Doc();
  doc.getMap('tables').set('a', 1);
  return Y.encodeStateAsUpdate(doc);
};

describe('the guard extension', () => {
  it('refuses an update whose gate throws, closing the connection and logging no room id', async () => {
    const { logs, closes, handle } = guarded(() => {
      throw new Error('crashed');
    });
    expect(await settles(handle(updateMessage(room, anUpdate())))).toBe(false); // never applied, never rejected (Hocuspocus would log the room id)
    expect(closes).toEqual([updateRefusedCode]);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/the check threw/);
    expect(logs[0]).not.toContain(room);
  });
});
