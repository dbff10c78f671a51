// The Node half of `npm run bench -- --collab`: 20 editors in one room, and joining a 500-table room,
// against the collaboration server in a child process (benchCollabServer.ts), with the HocuspocusProvider
// as the browser runs it (src/testing/collabClients.ts) and the editor's Yjs mapping (src/collab/).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { commitLocalChange, readDocumentChange, readDocumentState, writeDocument, type DocumentState } from '../src/collab/index.ts';
import { editColumn, type ErdDocument } from '../src/model/index.ts';
import { createTestRoom, joinTestRoom, type TestClient } from '../src/testing/collabClients.ts';
import type { ServerReply, ServerRequest, ServerUsage } from './benchCollabServer.ts';
import { largeDocument } from './largeDocument.ts';

/** The server in its own process, and a way to ask what it used. */
export interface BenchServer {
  httpUrl: string;
  websocketUrl: string;
  /** CPU time, wall time and resident memory since the previous call (or since it started). */
  usage(): Promise<ServerUsage>;
  stop(): Promise<void>;
}

/** Forks benchCollabServer.ts (the parent's `--import tsx` is inherited) and waits until it listens. */
export async function forkServer(): Promise<BenchServer> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./benchCollabServer.ts', import.meta.url)), { stdio: 'inherit' });
  const next = () =>
    new Promise<ServerReply>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`the bench's collaboration server exited (${code})`));
      child.once('exit', exited);
      child.once('message', (reply) => {
        child.off('exit', exited);
        resolve(reply as ServerReply);
      });
    });
  const ask = (request: ServerRequest) => child.send(request);
  const ready = await next();
  if (ready.type !== 'ready') throw new Error('the server process did not say it was ready');
  return {
    httpUrl: ready.httpUrl,
    websocketUrl: ready.websocketUrl,
    async usage() {
      const reply = next();
      ask({ type: 'usage' });
      const answer = await reply;
      if (answer.type !== 'usage') throw new Error('unexpected answer from the server process');
      return answer.usage;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        ask({ type: 'stop' });
      }),
  };
}

/** Creates a room holding `document` (as "Share live…" does) and returns its id and edit token. */
async function roomOf(server: BenchServer, document: ErdDocument) {
  const doc = new Y.Doc();
  writeDocument(doc, document);
  return createTestRoom(server.httpUrl, doc);
}

const synced = (client: TestClient) =>
  new Promise<void>((resolve) => (client.provider.synced ? resolve() : client.provider.on('synced', () => resolve())));

/** One editor: its copy of the room, and the document it shows, kept as the editor keeps it. */
interface Editor {
  client: TestClient;
  state: DocumentState;
}

const origin = Symbol('bench editor');
const markerName = (editor: number, seq: number) => `edited_by_${editor}_n${seq}`;

/** What the 20-editor room measured. */
export interface BusyRoom {
  /** Per edit and per other editor: the edit made (commitLocalChange) to that editor's document showing it. */
  deliveries: number[];
  /** Deliveries expected but not seen by the end (after a 3 s grace). */
  missing: number;
  edits: number;
  /** Server CPU time per second of wall time, one value per second of the run. */
  cpuPerSecond: number[];
  /** From the previous usage call (the server started) to the first edit: the room made and every editor joined. */
  serverBefore: ServerUsage;
  serverDuring: ServerUsage;
}

/**
 * `editors` editors join a room holding a 50-table document; each renames a column of its own table
 * once a second (staggered over the second) for `seconds`, as the editor commits a typed name. Every
 * editor reads each remote change as the editor does (readDocumentChange) and notes when each other
 * editor's rename first shows in its document.
 */
export async function measureBusyRoom(server: BenchServer, { editors = 20, seconds = 60 } = {}): Promise<BusyRoom> {
  const start = largeDocument(50, 60);
  const room = await roomOf(server, start);
  const sentAt: number[][] = Array.from({ length: editors }, () => []);
  const seen: number[][] = Array.from({ length: editors }, () => Array<number>(editors).fill(-1));
  const deliveries: number[] = [];
  const tableIds = start.schema.tables.slice(0, editors).map((t) => t.id);
  const seqIn = (state: DocumentState, k: number) => {
    const name = state.document.schema.tables.find((t) => t.id === tableIds[k])!.columns[1]!.name;
    const match = /^edited_by_\d+_n(\d+)$/.exec(name);
    return match ? Number(match[1]) : -1;
  };
  const team: Editor[] = [];
  for (let i = 0; i < editors; i++) {
    const client = joinTestRoom(server.websocketUrl, room.room, room.editToken);
    await synced(client);
    const editor: Editor = { client, state: readDocumentState(client.doc) };
    client.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === origin) return;
      editor.state = readDocumentChange(client.doc, editor.state, tr.changed);
      const now = performance.now();
      for (let k = 0; k < editors; k++) {
        if (k === i) continue;
        const seq = seqIn(editor.state, k);
        for (let s = seen[i]![k]! + 1; s <= seq; s++) deliveries.push(now - sentAt[k]![s]!);
        seen[i]![k] = Math.max(seen[i]![k]!, seq);
      }
    });
    team.push(editor);
  }
  await new Promise((r) => setTimeout(r, 1000)); // joining's own traffic settles
  const serverBefore = await server.usage();

  const edit = (i: number) => {
    const editor = team[i]!;
    const seq = sentAt[i]!.length;
    const document = editor.state.document;
    const table = document.schema.tables.find((t) => t.id === tableIds[i])!;
    const after = { ...document, schema: editColumn(document.schema, table.id, table.columns[1]!.id, { name: markerName(i, seq) }) };
    sentAt[i]!.push(performance.now());
    editor.state = commitLocalChange(editor.client.doc, editor.state, after, origin);
  };
  const cpuPerSecond: number[] = [];
  let rssPeakMb = 0;
  let cpuMs = 0;
  const began = performance.now();
  const at = (time: number) => new Promise((r) => setTimeout(r, Math.max(0, began + time - performance.now())));
  for (let second = 0; second < seconds; second++) {
    team.forEach((_, i) => void at(second * 1000 + (1000 * i) / editors).then(() => edit(i)));
    await at((second + 1) * 1000);
    const usage = await server.usage();
    cpuPerSecond.push((usage.cpuMs * 1000) / usage.wallMs);
    cpuMs += usage.cpuMs;
    rssPeakMb = Math.max(rssPeakMb, usage.rssPeakMb);
  }
  const wallMs = performance.now() - began;
  await new Promise((r) => setTimeout(r, 3000));
  const edits = sentAt.reduce((n, list) => n + list.length, 0);
  const last = await server.usage();
  for (const editor of team) editor.client.destroy();
  return {
    deliveries,
    missing: edits * (editors - 1) - deliveries.length,
    edits,
    cpuPerSecond,
    serverBefore,
    serverDuring: { wallMs, cpuMs, rssPeakMb: Math.max(rssPeakMb, last.rssPeakMb), rssMb: last.rssMb },
  };
}

/** What one join of the large room measured. */
export interface LargeJoin {
  /** The room was not in the server's memory (nobody in it): loaded from the store first. */
  cold: boolean;
  /** joinTestRoom called to the provider synced. */
  synced: number;
  /** The same to the document read from the Y.Doc (readDocumentState), as the editor shows it. */
  shown: number;
  bytesReceived: number;
}

/** Joins `room` once on a new connection, timing it and counting the bytes the server sent. */
async function joinOnce(server: BenchServer, room: { room: string; editToken: string }, cold: boolean) {
  const start = performance.now();
  const client = joinTestRoom(server.websocketUrl, room.room, room.editToken);
  let bytesReceived = 0;
  client.provider.configuration.websocketProvider.on(
    'message',
    (event: MessageEvent<ArrayBuffer>) => (bytesReceived += event.data.byteLength),
  );
  await synced(client);
  const syncedAt = performance.now() - start;
  const tables = readDocumentState(client.doc).document.schema.tables.length;
  if (tables !== 500) throw new Error(`the joined room shows ${tables} tables`);
  const join: LargeJoin = { cold, synced: syncedAt, shown: performance.now() - start, bytesReceived };
  return { join, client };
}

/**
 * Makes a room of the 500-table, 600-relationship document, joins it once while nobody is in it (the
 * server loads it from its store), then `runs` more times while that first client stays, as a second
 * person joins a meeting. Returns the room's Yjs state size too.
 */
export async function measureLargeJoin(server: BenchServer, runs: number): Promise<{ joins: LargeJoin[]; stateBytes: number }> {
  const doc = new Y.Doc();
  writeDocument(doc, largeDocument(500, 600));
  const room = await createTestRoom(server.httpUrl, doc);
  const first = await joinOnce(server, room, true);
  const joins = [first.join];
  for (let i = 0; i < runs; i++) {
    const { join, client } = await joinOnce(server, room, false);
    client.destroy();
    joins.push(join);
  }
  first.client.destroy();
  return { joins, stateBytes: Y.encodeStateAsUpdate(doc).byteLength };
}
