import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseProjectFile } from '../io/projectFile.ts';
import { addTable, editColumn, type ErdDocument } from '../model/index.ts';
import { checkRemoteUpdate, defaultDocumentLimits } from './checkRemoteUpdate.ts';
import { applyDocumentChange, writeDocument } from './writeDocument.ts';
import { readDocument } from './documentState.ts';
import { roots } from './yShape.ts';

function template(): ErdDocument {
  const loaded = parseProjectFile(readFileSync(join(process.cwd(), 'examples', 'classic-one-to-one.erd.json'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.document;
}

/** A room holding the template, and what a peer's edit of a synced copy sends it. */
function room() {
  const server = new Y.Doc();
  writeDocument(server, template());
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
  const send = (edit: (ydoc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(server);
    peer.transact(() => edit(peer));
    return Y.encodeStateAsUpdate(peer, before);
  };
  return { server, peer, send };
}

const firstTable = (ydoc: Y.Doc) => roots(ydoc).tables.byId.get(template().schema.tables[0]!.id) as Y.Map<unknown>;
const firstColumn = (ydoc: Y.Doc) =>
  (firstTable(ydoc).get('columns') as Y.Map<Y.Map<unknown>>).get(template().schema.tables[0]!.columns[1]!.id)!;

const firstRelationship = (ydoc: Y.Doc) => roots(ydoc).relationships.byId.get(template().schema.relationships[0]!.id) as Y.Map<unknown>;

describe('checkRemoteUpdate', () => {
  it('accepts an ordinary edit, a markup-like name as plain text, and the edits after it', () => {
    const { server, peer, send } = room();
    const doc = template();
    const table = doc.schema.tables[0]!;
    const renamed = { ...doc, schema: editColumn(doc.schema, table.id, table.columns[1]!.id, { name: '<img src=x onerror=alert(1)>' }) };
    const update = send((ydoc) => applyDocumentChange(ydoc, doc, renamed));
    expect(checkRemoteUpdate(server, update)).toEqual({ ok: true });
    Y.applyUpdate(server, update);
    const added = { ...renamed, schema: addTable(renamed.schema, 'orders').schema };
    const next = send((ydoc) => applyDocumentChange(ydoc, renamed, added));
    expect(checkRemoteUpdate(server, next)).toEqual({ ok: true });
    Y.applyUpdate(server, next);
    expect(readDocument(server).schema.tables.map((t) => t.name)).toContain('orders');
    expect(readDocument(peer)).toEqual(readDocument(server));
  });

  it.each<[string, (ydoc: Y.Doc) => void, RegExp]>([
    ['a field of the wrong type', (y) => firstColumn(y).set('isPrimaryKey', 'yes'), /isPrimaryKey/],
    ['a field no column has', (y) => firstColumn(y).set('onClick', 'x'), /unknown field "onClick"/],
    ['a column that is not a map', (y) => (firstTable(y).get('columns') as Y.Map<unknown>).set('col_evil', 'text'), /not a map of fields/],
    ['an unknown top-level part', (y) => y.getMap('scripts').set('a', 1), /unknown top-level part "scripts"/],
    ['a control character in a name', (y) => firstTable(y).set('name', 'users\u0000'), /control character/],
    ['a 10 MB string', (y) => firstColumn(y).set('comment', 'x'.repeat(10 * 1024 * 1024)), /bytes is over/],
    ['a 2 MB comment', (y) => firstColumn(y).set('comment', 'x'.repeat(2 * 1024 * 1024)), /comment is longer than/],
    ['a table without its schemaName (zod would fill the default)', (y) => firstTable(y).delete('schemaName'), /schemaName/],
    [
      'a column without its comment and identity',
      (y) => (firstColumn(y).delete('comment'), firstColumn(y).delete('identity')),
      /comment|identity/,
    ],
    ['a relationship without its junction', (y) => firstRelationship(y).delete('junction'), /junction/],
    ['a relationship without isDeferrable', (y) => firstRelationship(y).delete('isDeferrable'), /isDeferrable/],
    ['another format version', (y) => roots(y).meta.set('format', 99), /format 99/],
    ['a relationship without a shape', (y) => roots(y).relationships.byId.set('rel_x', new Y.Map([['name', 'x']])), /no shape/],
    ['an order holding a number', (y) => roots(y).tables.order.push([7 as unknown as string]), /order of tables/],
    ['a layout entry that is not a position', (y) => roots(y).layout.set('tbl_x', { x: 'left', y: 0 }), /layout/],
    [
      'a table whose id collides with a column',
      (y) => {
        const colliding = template().schema.tables[0]!.columns[0]!.id;
        const table = new Y.Map<unknown>([
          ['name', 'evil'],
          ['schemaName', 'public'],
          ['comment', ''],
        ]);
        for (const key of ['columns', 'checks', 'indexes']) table.set(key, new Y.Map());
        for (const key of ['columnOrder', 'checkOrder', 'indexOrder']) table.set(key, new Y.Array());
        roots(y).tables.byId.set(colliding, table);
      },
      /used twice/,
    ],
  ])('refuses %s', (_, edit, reason) => {
    const { server, send } = room();
    const verdict = checkRemoteUpdate(server, send(edit));
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(reason);
  });

  it('refuses an update whose check throws, and checks the next one on a fresh copy', () => {
    const { server, send } = room();
    let throws = true;
    const limits = {
      ...defaultDocumentLimits,
      get maxTables() {
        if (throws) throw new Error('unforeseen');
        return defaultDocumentLimits.maxTables;
      },
    };
    expect(
      checkRemoteUpdate(
        server,
        send((y) => firstColumn(y).set('name', 'one')),
        limits,
      ),
    ).toEqual({
      ok: false,
      reason: 'the update could not be checked (unforeseen)',
    });
    throws = false;
    expect(
      checkRemoteUpdate(
        server,
        send((y) => firstColumn(y).set('name', 'two')),
        limits,
      ),
    ).toEqual({ ok: true });
  });

  it('refuses bytes that are not an update, and still checks the next one after a refusal', () => {
    const { server, send } = room();
    expect(checkRemoteUpdate(server, new Uint8Array([1, 2, 3, 250, 250]))).toMatchObject({ ok: false });
    expect(
      checkRemoteUpdate(
        server,
        send((y) => firstColumn(y).set('name', 'fine')),
      ),
    ).toEqual({ ok: true });
  });

  it('keeps checking correctly when the room took updates it did not check (another instance, the store)', () => {
    const { server, peer, send } = room();
    expect(
      checkRemoteUpdate(
        server,
        send((y) => firstColumn(y).set('name', 'one')),
      ),
    ).toEqual({ ok: true });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(server)));
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    roots(other).tables.byId.delete(template().schema.tables[1]!.id);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other, Y.encodeStateVector(server)));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
    expect(
      checkRemoteUpdate(
        server,
        send((y) => firstColumn(y).set('type', 'bigint')),
      ),
    ).toEqual({ ok: true });
    expect(
      checkRemoteUpdate(
        server,
        send((y) => firstColumn(y).set('type', 5)),
      ),
    ).toMatchObject({ ok: false });
  });
});

describe('checkRemoteUpdate in a room damaged before the checks existed', () => {
  /** Stores `damage` in the room unchecked, as an older server did, and brings the peer up to date. */
  function damaged(damage: (ydoc: Y.Doc) => void) {
    const made = room();
    const older = new Y.Doc();
    Y.applyUpdate(older, Y.encodeStateAsUpdate(made.server));
    damage(older);
    Y.applyUpdate(made.server, Y.encodeStateAsUpdate(older, Y.encodeStateVector(made.server)));
    Y.applyUpdate(made.peer, Y.encodeStateAsUpdate(made.server));
    return made;
  }

  it('accepts an honest edit in a room holding a column that is not a map (every reader leaves it out)', () => {
    const { server, send } = damaged((y) => (firstTable(y).get('columns') as Y.Map<unknown>).set('col_evil', 'text'));
    expect(
      checkRemoteUpdate(
        server,
        send((y) => firstTable(y).set('name', 'renamed')),
      ),
    ).toEqual({ ok: true });
  });

  it('accepts an honest edit in a room holding a relationship without its ends (every reader drops it)', () => {
    const relationship = template().schema.relationships[0]!.id;
    const { server, send } = damaged((y) => (roots(y).relationships.byId.get(relationship) as Y.Map<unknown>).set('shape', {}));
    expect(
      checkRemoteUpdate(
        server,
        send((y) => firstColumn(y).set('name', 'two')),
      ),
    ).toEqual({ ok: true });
  });
});
