import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addColumn, addTable, deleteTable, editColumn, emptySchema, type ErdDocument } from '../model/index.ts';
import { commitLocalChange, readDocumentChange, readDocumentState, type DocumentState } from './documentState.ts';
import { writeDocument } from './writeDocument.ts';
import { documentTypes } from './yShape.ts';

const mine = Symbol('mine');
const theirs = Symbol('theirs');

/** Two people on one Y.Doc each, kept in sync, each with an undo manager tracking only their own edits. */
function twoPeople() {
  const { schema, tableId } = addTable(emptySchema, 'customers');
  const start: ErdDocument = {
    schema: addColumn(schema, tableId, { name: 'email', type: 'text' }).schema,
    layout: { [tableId]: { x: 0, y: 0 } },
  };
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  writeDocument(docs[0], start);
  Y.applyUpdate(docs[1], Y.encodeStateAsUpdate(docs[0]));
  docs[0].on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && Y.applyUpdate(docs[1], u, 'sync'));
  docs[1].on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && Y.applyUpdate(docs[0], u, 'sync'));
  const origins = [mine, theirs];
  const people = docs.map((ydoc, i) => {
    const person = {
      ydoc,
      state: readDocumentState(ydoc) as DocumentState,
      undo: new Y.UndoManager(documentTypes(ydoc), { trackedOrigins: new Set([origins[i]]) }),
    };
    ydoc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin !== origins[i]) person.state = readDocumentChange(ydoc, person.state, tr.changed);
    });
    return person;
  });
  const edit = (i: 0 | 1, change: (d: ErdDocument) => ErdDocument) => {
    const person = people[i]!;
    person.state = commitLocalChange(person.ydoc, person.state, change(person.state.document), origins[i]);
  };
  return { people, edit, tableId, columnId: start.schema.tables[0]!.columns[1]!.id };
}

describe('undo per person on the Y.Doc', () => {
  it("undoes my rename and keeps my colleague's type change on the same column", () => {
    const { people, edit, tableId, columnId } = twoPeople();
    edit(0, (d) => ({ ...d, schema: editColumn(d.schema, tableId, columnId, { name: 'mail' }) }));
    edit(1, (d) => ({ ...d, schema: editColumn(d.schema, tableId, columnId, { type: 'varchar(200)' }) }));
    people[0]!.undo.undo();
    for (const person of people)
      expect(person.state.document.schema.tables[0]!.columns[1]).toMatchObject({ name: 'email', type: 'varchar(200)' });
  });

  it('brings back a deleted table with its columns and place on undo', () => {
    const { people, edit, tableId } = twoPeople();
    const before = people[1]!.state.document;
    edit(0, (d) => ({ schema: deleteTable(d.schema, tableId), layout: {} }));
    expect(people[1]!.state.document.schema.tables).toEqual([]);
    people[0]!.undo.undo();
    expect(people[1]!.state.document).toStrictEqual(before);
    expect(people[0]!.state.document).toStrictEqual(before);
  });
});
