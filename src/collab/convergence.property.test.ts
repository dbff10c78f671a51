import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, addTable, checkInvariants, deleteNote, emptySchema, moveColumn, setNoteText, type ErdDocument } from '../model/index.ts';
import { apply, editArb, type Edit } from '../testing/schemaEdits.ts';
import { propertyRuns, propertyTimeout } from '../testing/propertyRuns.ts';
import { commitLocalChange, readDocument, readDocumentChange, readDocumentState, type DocumentState } from './documentState.ts';
import { writeDocument } from './writeDocument.ts';
import { checkRemoteUpdate } from './checkRemoteUpdate.ts';

/** PROPERTY_RUNS=2000 for a long run; each run is a few dozen edits and deliveries on 2 or 3 replicas (50 ms allowed). */
const runs = propertyRuns(150);
const remote = Symbol('remote');
const local = Symbol('local');

/** One person's editor: a Y.Doc, the state read from it after every transaction, and the updates it sent. */
interface Replica {
  ydoc: Y.Doc;
  state: DocumentState;
  sent: Uint8Array[];
  /** How many of each replica's updates this one has received, in order, per sender. */
  received: number[];
}

/** The room: it checks each update as it arrives (an honest edit is never refused) before applying it. */
function serverFor(initial: Uint8Array): { ydoc: Y.Doc; take(update: Uint8Array): void } {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, initial);
  return {
    ydoc,
    take(update) {
      expect(checkRemoteUpdate(ydoc, update)).toEqual({ ok: true });
      Y.applyUpdate(ydoc, update);
    },
  };
}

function replicas(count: number): { peers: Replica[]; server: ReturnType<typeof serverFor> } {
  const first = new Y.Doc();
  const start = addTable(addTable(emptySchema, 'authors').schema, 'books').schema;
  const document: ErdDocument = { schema: start, layout: Object.fromEntries(start.tables.map((t, i) => [t.id, { x: i * 300, y: 0 }])) };
  writeDocument(first, document);
  const initial = Y.encodeStateAsUpdate(first);
  const server = serverFor(initial);
  const peers = Array.from({ length: count }, () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, initial);
    const replica: Replica = { ydoc, state: readDocumentState(ydoc), sent: [], received: new Array<number>(count).fill(0) };
    ydoc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin !== local) replica.state = readDocumentChange(ydoc, replica.state, tr.changed);
    });
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== local) return;
      replica.sent.push(update);
      server.take(update);
    });
    return replica;
  });
  return { peers, server };
}

/** Edits beyond the schema's meaning: orders, places and notes, where concurrent edits race on the same keys and arrays. */
const layoutEditArb = fc.oneof(
  fc.record({ kind: fc.constant('moveColumn' as const), table: fc.nat(20), column: fc.nat(20), to: fc.nat(5) }),
  fc.record({ kind: fc.constant('moveTable' as const), table: fc.nat(20), to: fc.nat(5) }),
  fc.record({ kind: fc.constant('drag' as const), table: fc.nat(20), x: fc.integer({ min: -500, max: 500 }) }),
  fc.record({ kind: fc.constant('addNote' as const), text: fc.constantFrom('', 'todo', 'ask <b>ops</b>') }),
  fc.record({ kind: fc.constant('noteText' as const), note: fc.nat(5), text: fc.constantFrom('x', 'why?') }),
  fc.record({ kind: fc.constant('deleteNote' as const), note: fc.nat(5) }),
);
type LayoutEdit = typeof layoutEditArb extends fc.Arbitrary<infer E> ? E : never;

function applyLayoutEdit(document: ErdDocument, change: LayoutEdit): ErdDocument {
  const tables = document.schema.tables;
  const table = 'table' in change && tables.length > 0 ? tables[change.table % tables.length]! : undefined;
  const notes = document.notes ?? [];
  const note = 'note' in change && notes.length > 0 ? notes[change.note % notes.length]! : undefined;
  switch (change.kind) {
    case 'moveColumn': {
      const column = table && table.columns[change.column % table.columns.length];
      return table && column
        ? { ...document, schema: moveColumn(document.schema, table.id, column.id, change.to % table.columns.length) }
        : document;
    }
    case 'moveTable': {
      if (!table) return document;
      const rest = tables.filter((t) => t !== table);
      rest.splice(change.to % (rest.length + 1), 0, table);
      return { ...document, schema: { ...document.schema, tables: rest } };
    }
    case 'drag':
      return table ? { ...document, layout: { ...document.layout, [table.id]: { x: change.x, y: 0 } } } : document;
    case 'addNote':
      return { ...document, notes: addNote(notes, { x: 0, y: 0 }, change.text).notes };
    case 'noteText':
      return note ? { ...document, notes: setNoteText(notes, note.id, change.text) } : document;
    case 'deleteNote':
      return note ? { ...document, notes: deleteNote(notes, note.id) } : document;
  }
}

/** A person edits what their editor shows (the repaired document), as the store would. */
function edit(replica: Replica, change: Edit | LayoutEdit): void {
  const before = replica.state.document;
  const after = isLayoutEdit(change) ? applyLayoutEdit(before, change) : { ...before, schema: apply(before.schema, change).schema };
  replica.state = commitLocalChange(replica.ydoc, replica.state, after, local);
}

const layoutKinds = new Set(['moveColumn', 'moveTable', 'drag', 'addNote', 'noteText', 'deleteNote']);
const isLayoutEdit = (change: Edit | LayoutEdit): change is LayoutEdit => layoutKinds.has(change.kind);

/** Delivers a sender's next update (or, with `again`, one already delivered: networks repeat themselves). */
function deliver(to: Replica, from: Replica, fromIndex: number, again: boolean): void {
  const count = to.received[fromIndex]!;
  if (again && count > 0) Y.applyUpdate(to.ydoc, from.sent[count - 1]!, remote);
  else if (count < from.sent.length) {
    Y.applyUpdate(to.ydoc, from.sent[count]!, remote);
    to.received[fromIndex] = count + 1;
  }
}

const stepArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), who: fc.nat(2), edit: editArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), who: fc.nat(2), edit: layoutEditArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliver' as const), to: fc.nat(2), from: fc.nat(2), again: fc.boolean() }) },
);

describe('concurrent editing on 2 and 3 replicas', () => {
  for (const count of [2, 3]) {
    it(
      `${count} replicas and the room (which accepts every honest update) converge to one document holding the model's invariants, whatever the delivery order`,
      () => {
        fc.assert(
          fc.property(fc.array(stepArb, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 60 }), (steps, finalOrder) => {
            const { peers, server } = replicas(count);
            for (const step of steps) {
              if (step.kind === 'edit') edit(peers[step.who % count]!, step.edit);
              else if (step.to % count !== step.from % count)
                deliver(peers[step.to % count]!, peers[step.from % count]!, step.from % count, step.again);
            }
            // Then every update reaches everyone, in an order drawn from `finalOrder`, some twice.
            const pairs = peers.flatMap((to, t) => peers.flatMap((from, f) => (t === f ? [] : [{ to, from, f }])));
            for (const pick of finalOrder) {
              const { to, from, f } = pairs[pick % pairs.length]!;
              deliver(to, from, f, pick % 7 === 0);
            }
            for (const { to, from, f } of pairs) while (to.received[f]! < from.sent.length) deliver(to, from, f, false);
            const documents = peers.map((p) => readDocument(p.ydoc));
            for (const [i, peer] of peers.entries()) {
              expect(documents[i], `replica ${i} against replica 0`).toStrictEqual(documents[0]);
              expect(peer.state.document, `replica ${i}'s incremental reading`).toStrictEqual(documents[i]);
            }
            expect(readDocument(server.ydoc), 'the room').toStrictEqual(documents[0]);
            expect(checkInvariants(documents[0]!.schema)).toEqual([]);
          }),
          { numRuns: runs },
        );
      },
      propertyTimeout(runs, 50),
    );
  }
});
