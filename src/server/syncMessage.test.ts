import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { queryAwarenessMessage, updateMessage } from '../testing/collabClients.ts';
import { readClientMessage } from './syncMessage.ts';

const room = 'AAAAAAAAAAAAAAAAAAAAAAAA';
const name = [24, ...new TextEncoder().encode(room)];
const withBytes = (bytes: Uint8Array) => [bytes.length, ...bytes]; // lengths under 128 here: one byte

describe('readClientMessage', () => {
  it('finds the Yjs update in an Update or SyncStep2 message', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const update = Y.encodeStateAsUpdate(doc);
    expect(readClientMessage(updateMessage(room, update))).toEqual({ kind: 'document update', step: 'update', update });
    const step2 = Uint8Array.from([...name, 0, 1, ...withBytes(update)]);
    expect(readClientMessage(step2)).toEqual({ kind: 'document update', step: 'step2', update });
  });

  it('lets through a state vector, an awareness update and a query, as the provider sends them', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: '<b>Ada</b>', colour: '#f00' } });
    const awarenessUpdate = encodeAwarenessUpdate(awareness, [doc.clientID]);
    expect(readClientMessage(Uint8Array.from([...name, 0, 0, ...withBytes(Y.encodeStateVector(doc))]))).toEqual({ kind: 'other' });
    expect(readClientMessage(Uint8Array.from([...name, 1, ...withBytes(awarenessUpdate)]))).toEqual({
      kind: 'awareness',
      clientIds: [doc.clientID],
      bytes: awarenessUpdate.length,
    });
    expect(readClientMessage(queryAwarenessMessage(room))).toEqual({ kind: 'other' });
    expect(readClientMessage(Uint8Array.from([...name, 2, 0, 3, 97, 98, 99]))).toEqual({ kind: 'other' }); // a token sent again
  });

  it.each<[string, number[], RegExp]>([
    ['a message cut inside its update', [...name, 0, 2, 10, 1, 2], /shorter than it says/],
    ['an unknown sync message', [...name, 0, 7, 0], /unknown sync message 7/],
    ['a state vector that is not one', [...name, 0, 0, 3, 255, 255, 255], /malformed message/],
    ['an awareness state that is not JSON', [...name, 1, 5, 1, 5, 1, 1, ...new TextEncoder().encode('{')], /JSON/],
    ['a stateless broadcast to every peer', [...name, 6, 2, 104, 105], /broadcast stateless/],
    ['an auth message with nothing after its type', [...name, 2], /malformed message/],
    ['an auth message of an unknown kind', [...name, 2, 5], /unknown auth message 5/],
    ['an auth message with bytes after its token', [...name, 2, 0, 1, 97, 0], /bytes after/],
    ['a sync status, which only the server sends', [...name, 8, 1], /unknown message type 8/],
    ['a message of a type no one sends', [...name, 42], /unknown message type 42/],
    ['a document name that is not UTF-8', [2, 0xc3, 0x28, 3], /malformed message/],
  ])('refuses %s', (_, bytes, reason) => {
    const read = readClientMessage(Uint8Array.from(bytes));
    expect(read.kind).toBe('refused');
    expect(read.kind === 'refused' && read.reason).toMatch(reason);
  });
});
