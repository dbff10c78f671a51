import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { beforeHandleMessagePayload } from '@hocuspocus/server';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { updateMessage } from '../testing/collabClients.ts';
import { defaultLimits } from './limits.ts';
import { guardExtension, updateRefusedCode } from './guardExtension.ts';
import type { RoomStore } from './roomStore.ts';
import type { UpdateGate } from './updateGate.ts';

const roomName = 'r'.repeat(24);

/** The guard with `gate`, one room, and a connection to it (`join` opens another) whose close codes and the log lines the tests read. */
function guarded(gate: UpdateGate, readOnly = false, limits = defaultLimits) {
  const logs: string[] = [];
  const guard = guardExtension({ store: {} as RoomStore, limits, gate, log: (line) => logs.push(line) });
  const document = new Y.Doc();
  const join = (readOnly = false) => {
    const closes: number[] = [];
    const connection = { readOnly, webSocket: { readyState: 1, close: (code: number) => closes.push(code) } };
    const handle = (message: Uint8Array) =>
      guard.beforeHandleMessage!({
        connection,
        document,
        documentName: roomName,
        update: message,
      } as unknown as beforeHandleMessagePayload);
    return { closes, handle, connection };
  };
  return { logs, join, document, ...join(readOnly) };
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
    expect(await settles(handle(updateMessage(roomName, anUpdate())))).toBe(false); // never applied, never rejected (Hocuspocus would log the room id)
    expect(closes).toEqual([updateRefusedCode]);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/the check threw/);
    expect(logs[0]).not.toContain(roomName);
  });

  it('refuses, from a view-only connection, an Update, a SyncStep2 that would change the room, and a malformed one; lets through one that adds nothing', async () => {
    const step2 = (update: Uint8Array) => {
      const message = updateMessage(roomName, update);
      message[roomName.length + 2] = 1; // the sync type: SyncStep2 instead of Update
      return message;
    };
    const refusals = [updateMessage(roomName, anUpdate()), step2(anUpdate()), step2(Uint8Array.from([3, 0xff, 0xff, 0xff]))].map(
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

  it('applies a connection’s awareness only for its own client (no other open connection’s), and refuses one over the limit', async () => {
    const awarenessMessage = (clientId: number, state: unknown) => {
      const awareness = new Awareness(new Y.Doc());
      awareness.clientID = clientId;
      awareness.states.set(clientId, state as Record<string, unknown>);
      awareness.meta.set(clientId, { clock: 1, lastUpdated: 0 });
      const update = encodeAwarenessUpdate(awareness, [clientId]);
      const name = new TextEncoder().encode(roomName);
      return Uint8Array.from([name.length, ...name, 1, ...varUint(update.length), ...update]);
    };
    const ada = guarded(() => ({ ok: true }));
    await expect(ada.handle(awarenessMessage(7, { user: { name: 'Ada' } }))).resolves.toBeUndefined();
    await expect(ada.handle(awarenessMessage(7, { user: { name: 'Ada' }, cursor: { x: 1, y: 2 } }))).resolves.toBeUndefined();
    expect(await settles(ada.handle(awarenessMessage(8, { user: { name: 'Bob, echoed' } })))).toBe(false); // dropped
    const mallory = ada.join(true);
    expect(await settles(mallory.handle(awarenessMessage(7, { user: { name: 'Ada pretending' } })))).toBe(false);
    await expect(mallory.handle(awarenessMessage(9, { user: { name: 'Mallory' } }))).resolves.toBeUndefined();
    expect(await settles(mallory.handle(awarenessMessage(7, { user: { name: 'Ada pretending' } })))).toBe(false);
    expect([ada.closes, mallory.closes, ada.logs]).toEqual([[], [], []]);
    ada.connection.webSocket.readyState = 3; // Ada's connection closed: her reconnection speaks for her again
    await expect(ada.join().handle(awarenessMessage(7, { user: { name: 'Ada' } }))).resolves.toBeUndefined();
    const big = guarded(() => ({ ok: true }));
    expect(await settles(big.handle(awarenessMessage(9, { junk: 'a'.repeat(defaultLimits.maxAwarenessBytes) })))).toBe(false);
    expect(big.logs[0]).toMatch(/awareness of \d+ bytes/);
  });

  it('counts a room by its size, not by the sum of the updates it accepted (repeats and deletions do not grow it)', async () => {
    const room = guarded(() => ({ ok: true }), false, { ...defaultLimits, maxRoomBytes: 200 * 1024 });
    const text = new Y.Doc();
    text.getMap('notes').set('a', 'x'.repeat(1024));
    const update = Y.encodeStateAsUpdate(text); // a network repeats it: the room takes it once
    for (let i = 0; i < 1000; i++) {
      if (!(await settles(room.handle(updateMessage(roomName, update))))) break;
      Y.applyUpdate(room.document, update);
    }
    expect(room.closes).toEqual([]);
    const growing = new Y.Doc();
    growing.getMap('notes').set('b', 'y'.repeat(250 * 1024));
    expect(await settles(room.handle(updateMessage(roomName, Y.encodeStateAsUpdate(growing))))).toBe(false);
    expect(room.logs).toEqual([expect.stringMatching(/room would pass 204800 bytes/)]);
  });
});

function varUint(value: number): number[] {
  const out: number[] = [];
  for (; value > 0x7f; value = Math.floor(value / 128)) out.push((value & 0x7f) | 0x80);
  return [...out, value];
}
