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

  it('refuses, from a view-only connection, an Update, a SyncStep2 that would change the room, and a malformed one; lets through one that adds nothing', async () => {
    const step2 = (update: Uint8Array) => {
      const message = updateMessage(room, update);
      message[room.length + 2] = 1; // the sync type: SyncStep2 instead of Update
      return message;
    };
    const refusals = [updateMessage(room, anUpdate()), step2(anUpdate()), step2(Uint8Array.from([3, 0xff, 0xff, 0xff]))].map(
      async (message) => {
        const { closes, logs, handle } = guarded(() => ({ ok: true }), true);
        return { settled: await settles(handle(message)), closes, logs };
      },
    );
    for (const refused of await Promise.all(refusals)) {
      expect(refused).toMatchObject({ settled: false, closes: [updateRefusedCode] });
      expect(refused.logs[0]).toMatch(/view-only token/);
    }
    const { closes, handle } = guarded(() => ({ ok: true }), true);
    await expect(handle(step2(Y.encodeStateAsUpdate(new Y.Doc())))).resolves.toBeUndefined();
    expect(closes).toEqual([]);
  });
});
