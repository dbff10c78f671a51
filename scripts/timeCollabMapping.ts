/**
 * Times the Yjs mapping (src/collab/) on the generated 500-table / 600-relationship document: filling
 * a Y.Doc, one column renamed written by applyDocumentChange, the same change read incrementally on
 * another replica (with the repair), the server's checkRemoteUpdate on it, a full read for contrast, and
 * the server's check of the whole document arriving in an empty room.
 * Run: npx tsx scripts/timeCollabMapping.ts
 */
import * as Y from 'yjs';
import { checkRemoteUpdate } from '../src/collab/checkRemoteUpdate.ts';
import { readDocument, readDocumentChange, readDocumentState, type DocumentState } from '../src/collab/documentState.ts';
import { applyDocumentChange, writeDocument } from '../src/collab/writeDocument.ts';
import { editColumn, type ErdDocument } from '../src/model/index.ts';
import { largeDocument } from './largeDocument.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = (run: () => void) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

const start = largeDocument(500, 600);
const local = new Y.Doc();
const fill = time(() => writeDocument(local, start));
const initial = Y.encodeStateAsUpdate(local);
const remote = new Y.Doc();
const server = new Y.Doc();
Y.applyUpdate(remote, initial);
Y.applyUpdate(server, initial);
let remoteState: DocumentState = readDocumentState(remote);
let changed: Y.Transaction['changed'] | undefined;
remote.on('afterTransaction', (tr: Y.Transaction) => (changed = tr.changed));
let sent: Uint8Array | undefined;
local.on('update', (update: Uint8Array) => (sent = update));

const writes: number[] = [];
const reads: number[] = [];
const checks: number[] = [];
let document: ErdDocument = start;
checkRemoteUpdate(server, new Uint8Array(Y.encodeStateAsUpdate(local, Y.encodeStateVector(server)))); // makes the server's copy once
for (let i = 0; i < 200; i++) {
  const table = document.schema.tables[(i * 37) % document.schema.tables.length]!;
  const column = table.columns[table.columns.length - 1]!;
  const next = { ...document, schema: editColumn(document.schema, table.id, column.id, { name: `renamed_${i}` }) };
  writes.push(time(() => applyDocumentChange(local, document, next, 'local')));
  document = next;
  checks.push(
    time(() => {
      const verdict = checkRemoteUpdate(server, sent!);
      if (!verdict.ok) throw new Error(verdict.reason);
    }),
  );
  Y.applyUpdate(server, sent!);
  Y.applyUpdate(remote, sent!);
  const before = remoteState;
  reads.push(time(() => (remoteState = readDocumentChange(remote, remoteState, changed!))));
  const reused = remoteState.document.schema.tables.filter((t, k) => t === before.document.schema.tables[k]).length;
  if (reused !== 499) throw new Error(`a remote rename made ${500 - reused} new tables`);
}
const firstFill = time(() => {
  const verdict = checkRemoteUpdate(new Y.Doc(), initial);
  if (!verdict.ok) throw new Error(verdict.reason);
});
const full = median(Array.from({ length: 10 }, () => time(() => readDocument(remote))));
console.log(`500 tables, 600 relationships; Y.Doc ${(initial.byteLength / 1024).toFixed(0)} kB; fill ${fill.toFixed(1)} ms`);
console.log(`one column renamed, median of 200 (max):`);
console.log(`  applyDocumentChange      ${median(writes).toFixed(3)} ms (${Math.max(...writes).toFixed(2)})`);
console.log(`  readDocumentChange       ${median(reads).toFixed(3)} ms (${Math.max(...reads).toFixed(2)})  [499 of 500 tables reused]`);
console.log(`  checkRemoteUpdate        ${median(checks).toFixed(3)} ms (${Math.max(...checks).toFixed(2)})`);
console.log(`full readDocument          ${full.toFixed(1)} ms`);
console.log(`checkRemoteUpdate of the whole document filling an empty room: ${firstFill.toFixed(1)} ms`);
