import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProjectFile, serializeProjectFile } from '../io/projectFile.ts';
import type { ErdDocument } from '../model/index.ts';
import { createEditorStore } from '../store/index.ts';
import { openLibrary, type DocumentLibrary } from './documentLibrary.ts';
import { compactProjectFile, journalKey, openEditJournal, readJournals, type JournalStorage } from './editJournal.ts';
import { largeDocument } from '../../scripts/largeDocument.ts';
import { aVersion } from '../testing/factories.ts';
import { recoverEdits, type RecoveryOptions } from './recoverEdits.ts';
import { createWorkKeeper } from './workKeeper.ts';

/** localStorage as the journal uses it, in memory; `refuseOver` characters makes it refuse as a full quota does. */
function aStorage(refuseOver = Infinity): JournalStorage & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get length() {
      return values.size;
    },
    key: (i) => [...values.keys()][i] ?? null,
    getItem: (k) => values.get(k) ?? null,
    setItem(k, v) {
      if (v.length > refuseOver) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      values.set(k, v);
    },
    removeItem: (k) => void values.delete(k),
  };
}

const example = (): ErdDocument => {
  const loaded = parseProjectFile(readFileSync(join(process.cwd(), 'examples', 'classic-one-to-one.erd.json'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.document;
};
const renamed = (document: ErdDocument, name: string): ErdDocument => ({
  ...document,
  schema: { ...document.schema, tables: document.schema.tables.map((t, i) => (i === 0 ? { ...t, name } : t)) },
});

let run = 0;
const libraries: DocumentLibrary[] = [];
afterEach(() => libraries.splice(0).forEach((l) => l.close()));
async function aLibrary() {
  run += 1;
  const library = await openLibrary(`erd-recover-${run}`);
  libraries.push(library);
  return library;
}

/** Recovery as a new page would run it; `live` pages are still open. */
async function recover(library: DocumentLibrary, storage: JournalStorage, live: string[] = []) {
  const told: string[] = [];
  const posted: unknown[] = [];
  const options: RecoveryOptions = {
    library,
    storage,
    pageId: 'page-new',
    isGone: async (id) => !live.includes(id),
    post: (m) => posted.push(m),
    tell: (t) => told.push(t),
  };
  await recoverEdits(options);
  return { told, posted };
}

async function storedText(library: DocumentLibrary, id: string) {
  const read = await library.read(id);
  if (!read?.ok) throw new Error('not stored');
  return { revision: read.record.revision, text: read.record.text };
}

describe('edit journal', () => {
  it('holds one entry per page, read back as written; cleared, it is gone', () => {
    const storage = aStorage();
    const a = openEditJournal(storage, 'page-a');
    const b = openEditJournal(storage, 'page-b');
    const document = renamed(example(), 'writers');
    expect(a.write({ documentId: 'doc_1', baseRevision: 3, name: 'Library', document })).toBe(true);
    b.write({ documentId: 'doc_1', baseRevision: 4, name: 'Library', document: example() });
    const entries = readJournals(storage);
    expect(entries.map((e) => [e.pageId, e.entry?.baseRevision])).toEqual([
      ['page-a', 3],
      ['page-b', 4],
    ]);
    const written = entries[0]!.entry!;
    expect({ ...written, text: undefined }).toEqual({ documentId: 'doc_1', baseRevision: 3, name: 'Library', text: undefined });
    expect(parseProjectFile(written.text)).toEqual(parseProjectFile(serializeProjectFile(document)));
    a.clear();
    expect(readJournals(storage).map((e) => e.pageId)).toEqual(['page-b']);
  });

  it('writes what serializeProjectFile writes, compact, reusing the JSON of what an edit left alone', () => {
    const large = largeDocument(120, 150);
    expect(compactProjectFile(large)).toBe(serializeProjectFile(large, 0));
    const edited = renamed(
      { ...large, notes: [{ id: 'note_1', text: 'why', position: { x: 1, y: 2 } }] as ErdDocument['notes'] },
      'renamed',
    );
    expect(compactProjectFile(edited)).toBe(serializeProjectFile(edited, 0));
    expect(compactProjectFile(example())).toBe(serializeProjectFile(example(), 0));
    const versioned: ErdDocument = { ...edited, versions: [aVersion({ schema: large.schema }), aVersion({ name: 'empty' })] };
    expect(compactProjectFile(versioned)).toBe(serializeProjectFile(versioned, 0));
  });

  it('keeps one whole entry per page, in two slots written in turn; when both are there the later one is read', () => {
    const storage = aStorage();
    const journal = openEditJournal(storage, 'page-a');
    for (const name of ['one', 'two', 'three']) journal.write({ documentId: 'doc_1', baseRevision: 1, name, document: example() });
    expect([...storage.values.keys()]).toEqual([journalKey('page-a', 1)]);
    const latest = storage.getItem(journalKey('page-a', 1))!;
    storage.setItem(journalKey('page-a', 0), latest.replace('"name":"three"', '"name":"two"').replace('"sequence":3', '"sequence":2'));
    expect(readJournals(storage)).toEqual([
      { pageId: 'page-a', keys: [journalKey('page-a', 1), journalKey('page-a', 0)], entry: expect.objectContaining({ name: 'three' }) },
    ]);
  });

  it('a write the browser refuses leaves no stale entry, and says the edits are held nowhere', () => {
    const storage = aStorage(1000);
    const journal = openEditJournal(storage, 'page-a');
    expect(
      journal.write({
        documentId: 'doc_1',
        baseRevision: 1,
        name: 'Small',
        document: { schema: { ...example().schema, tables: [], relationships: [] }, layout: {} },
      }),
    ).toBe(true);
    expect(journal.write({ documentId: 'doc_1', baseRevision: 1, name: 'Big', document: example() })).toBe(false);
    expect(journal.holdsEdits()).toBe(false);
    expect(readJournals(storage)).toEqual([]);
  });
});

describe('recovering journals', () => {
  it('puts a gone page’s edits into their document when it is still at their base revision', async () => {
    const library = await aLibrary();
    const record = await library.create('Library', example());
    const storage = aStorage();
    openEditJournal(storage, 'page-gone').write({
      documentId: record.id,
      baseRevision: 1,
      name: 'Library',
      document: renamed(example(), 'writers'),
    });
    const { told, posted } = await recover(library, storage);
    expect(await storedText(library, record.id)).toEqual({ revision: 2, text: serializeProjectFile(renamed(example(), 'writers')) });
    expect(told).toEqual([]);
    expect(posted).toEqual([{ type: 'saved', id: record.id, revision: 2 }]);
    expect(readJournals(storage)).toEqual([]);
  });

  it('keeps edits based on an older revision as a new document, never over the newer one, and says so', async () => {
    const library = await aLibrary();
    const record = await library.create('Library', example());
    await library.save(record.id, 1, 'Library', renamed(example(), 'theirs'));
    const storage = aStorage();
    openEditJournal(storage, 'page-gone').write({
      documentId: record.id,
      baseRevision: 1,
      name: 'Library',
      document: renamed(example(), 'mine'),
    });
    const { told } = await recover(library, storage);
    expect((await storedText(library, record.id)).text).toContain('"theirs"');
    const copy = (await library.list()).find((d) => d.name === 'Library (recovered)')!;
    expect((await storedText(library, copy.id)).text).toContain('"mine"');
    expect(told).toEqual([
      'Changes to “Library” that were not stored when its tab closed are kept as “Library (recovered)”: the document had changed since.',
    ]);
  });

  it('a journal whose write committed after all, a live page’s journal and this page’s own are left alone', async () => {
    const library = await aLibrary();
    const record = await library.create('Library', example());
    await library.save(record.id, 1, 'Library', renamed(example(), 'stored'));
    const storage = aStorage();
    openEditJournal(storage, 'page-gone').write({
      documentId: record.id,
      baseRevision: 1,
      name: 'Library',
      document: renamed(example(), 'stored'),
    });
    openEditJournal(storage, 'page-live').write({
      documentId: record.id,
      baseRevision: 2,
      name: 'Library',
      document: renamed(example(), 'typing'),
    });
    openEditJournal(storage, 'page-new').write({
      documentId: record.id,
      baseRevision: 2,
      name: 'Library',
      document: renamed(example(), 'mine'),
    });
    const { told } = await recover(library, storage, ['page-live']);
    expect(told).toEqual([]);
    expect((await library.list()).map((d) => d.name)).toEqual(['Library']);
    expect(await storedText(library, record.id)).toMatchObject({ revision: 2 });
    expect(
      readJournals(storage)
        .map((e) => e.pageId)
        .sort(),
    ).toEqual(['page-live', 'page-new']);
  });

  it('a journal that does not read is reported and removed; a deleted document’s edits become a document again', async () => {
    const library = await aLibrary();
    const storage = aStorage();
    storage.setItem(journalKey('page-bad'), `${JSON.stringify({ documentId: 'doc_x', baseRevision: 1, name: 'Broken' })}\n{`);
    openEditJournal(storage, 'page-gone').write({ documentId: 'doc_deleted', baseRevision: 4, name: 'Shop', document: example() });
    const { told } = await recover(library, storage);
    expect(told[0]).toMatch(/^Unsaved changes to “Broken” were found but could not be read back \(not valid JSON/);
    expect((await library.list()).map((d) => d.name)).toEqual(['Shop (recovered)']);
    expect(readJournals(storage)).toEqual([]);
  });
});

describe('work keeper with a journal', () => {
  it('journals every edit before its write, rebases it on each save, and clears it once the browser has the document', async () => {
    const library = await aLibrary();
    const storage = aStorage();
    const store = createEditorStore();
    const keeper = createWorkKeeper(store, {
      library,
      channel: null,
      tabSession: null,
      loadTemplate: async () => example(),
      journal: openEditJournal(storage, 'page-a'),
      quietMs: 5,
      maxWaitMs: 20,
    });
    await keeper.start();
    expect(readJournals(storage)).toEqual([]);
    const id = store.getState().documentId!;
    store.getState().addTable({ x: 0, y: 0 });
    const [entry] = readJournals(storage);
    expect(entry?.entry).toMatchObject({ documentId: id, baseRevision: 1 });
    expect(parseProjectFile(entry!.entry!.text)).toMatchObject({
      ok: true,
      document: { schema: { tables: store.getState().document.schema.tables } },
    });
    expect(keeper.hasEditsAtRisk()).toBe(false);
    await keeper.flush();
    expect(store.getState().saveStatus).toBe('saved');
    expect(readJournals(storage)).toEqual([]);
    keeper.dispose();
  });

  it('a drag is journaled once, when it ends, not on every frame', async () => {
    const library = await aLibrary();
    const storage = aStorage();
    let writes = 0;
    const counted: JournalStorage = {
      ...storage,
      get length() {
        return storage.length;
      },
      setItem: (k, v) => {
        writes += 1;
        storage.setItem(k, v);
      },
    };
    const store = createEditorStore();
    const keeper = createWorkKeeper(store, {
      library,
      channel: null,
      tabSession: null,
      loadTemplate: async () => example(),
      journal: openEditJournal(counted, 'page-a'),
      quietMs: 1000,
      maxWaitMs: 1000,
    });
    await keeper.start();
    const id = store.getState().document.schema.tables[0]!.id;
    for (const x of [10, 20, 30]) store.getState().handleNodesChange([{ type: 'position', id, position: { x, y: 0 }, dragging: true }]);
    expect(writes).toBe(0);
    store.getState().handleNodesChange([{ type: 'position', id, position: { x: 40, y: 0 }, dragging: false }]);
    expect(writes).toBe(1);
    expect(readJournals(storage)[0]?.entry?.text).toContain('"x":40');
    keeper.dispose();
  });

  it('edits the browser refuses to store, or that no journal holds, are at risk: leaving asks first', async () => {
    const library = await aLibrary();
    const store = createEditorStore();
    const failing: DocumentLibrary = {
      ...library,
      save: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    };
    const keeper = createWorkKeeper(store, {
      library: failing,
      channel: null,
      tabSession: null,
      loadTemplate: async () => example(),
      journal: openEditJournal(aStorage(), 'page-a'),
      quietMs: 5,
      maxWaitMs: 20,
    });
    await keeper.start();
    store.getState().addTable({ x: 0, y: 0 });
    expect(keeper.hasEditsAtRisk()).toBe(false);
    await keeper.flush();
    expect(store.getState().saveStatus).toBe('failed');
    expect(keeper.hasEditsAtRisk()).toBe(true);
    keeper.dispose();

    const other = createEditorStore();
    const unjournaled = createWorkKeeper(other, {
      library,
      channel: null,
      tabSession: null,
      loadTemplate: async () => example(),
      journal: openEditJournal(aStorage(10), 'page-b'),
      quietMs: 1000,
      maxWaitMs: 1000,
    });
    await unjournaled.start();
    expect(unjournaled.hasEditsAtRisk()).toBe(false);
    other.getState().addTable({ x: 0, y: 0 });
    expect(unjournaled.hasEditsAtRisk()).toBe(true);
    unjournaled.dispose();
  });
});
