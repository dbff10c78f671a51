import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptySchema, type ErdDocument } from '../model/index.ts';
import { parseProjectFile, serializeProjectFile } from '../io/projectFile.ts';
import type { Template } from '../io/templates.ts';
import { createEditorStore } from '../store/index.ts';
import { openLibrary, type DocumentLibrary } from './documentLibrary.ts';
import { createWorkKeeper } from './workKeeper.ts';

const loadTemplate = async (template: Template): Promise<ErdDocument> => {
  if (!template.fileName) return { schema: emptySchema, layout: {} };
  const loaded = parseProjectFile(readFileSync(join(process.cwd(), 'examples', template.fileName), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.document;
};

let run = 0;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** One browser: a library (IndexedDB database) and a channel name that its tabs share. */
function aBrowser() {
  run += 1;
  return { dbName: `erd-test-${run}`, channelName: `erd-test-${run}` };
}

/** One tab of a browser: its own store, keeper, session storage and channel. */
async function aTab(
  browser: { dbName: string; channelName: string },
  session = new Map<string, string>(),
  wrap = (l: DocumentLibrary) => l,
) {
  const store = createEditorStore();
  const library = wrap(await openLibrary(browser.dbName));
  const keeper = createWorkKeeper(store, {
    library,
    channel: new BroadcastChannel(browser.channelName),
    tabSession: { getItem: (k) => session.get(k) ?? null, setItem: (k, v) => void session.set(k, v) },
    loadTemplate,
    quietMs: 5,
    maxWaitMs: 20,
  });
  cleanups.push(() => {
    keeper.dispose();
    library.close();
  });
  await keeper.start();
  return { store, keeper, library, session, state: () => store.getState() };
}

const addTable = (tab: { state: () => ReturnType<ReturnType<typeof createEditorStore>['getState']> }) =>
  tab.state().addTable({ x: 10, y: 10 });

async function storedText(library: DocumentLibrary, id: string) {
  const read = await library.read(id);
  if (!read?.ok) throw new Error('not stored');
  return { revision: read.record.revision, text: read.record.text };
}

describe('document library (IndexedDB)', () => {
  it('writes on top of the stored revision only, in one transaction', async () => {
    const library = await openLibrary(aBrowser().dbName);
    const document = await loadTemplate({ id: 'c', title: 'c', why: '', fileName: 'country-capital.erd.json' });
    const record = await library.create('Countries', document);
    const edited = { ...document, layout: {} };
    expect(await library.save(record.id, 1, 'Countries', edited)).toMatchObject({ ok: true, record: { revision: 2 } });
    expect(await library.save(record.id, 1, 'Countries', document)).toEqual({ ok: false, conflict: { revision: 2 } });
    expect(await storedText(library, record.id)).toEqual({ revision: 2, text: serializeProjectFile(edited) });
    expect((await library.list()).map((d) => d.name)).toEqual(['Countries']);
    library.close();
  });

  it('a write that fails part-way leaves the last good copy whole', async () => {
    const library = await openLibrary(aBrowser().dbName);
    const document = await loadTemplate({ id: 'c', title: 'c', why: '', fileName: 'country-capital.erd.json' });
    const record = await library.create('Countries', document);
    const { IDBObjectStore } = globalThis as unknown as { IDBObjectStore: { prototype: { put: (...a: unknown[]) => unknown } } };
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      const request = put.apply(this, args);
      // What a full quota does: the transaction is aborted at commit, after its last request was queued.
      if (this.name === 'settings') this.transaction.abort();
      return request;
    });
    await expect(library.save(record.id, 1, 'Countries', { ...document, layout: {} })).rejects.toThrow();
    spy.mockRestore();
    expect(await storedText(library, record.id)).toEqual({ revision: 1, text: serializeProjectFile(document) });
    library.close();
  });

  it('a write refused while being queued aborts the whole transaction', async () => {
    const library = await openLibrary(aBrowser().dbName);
    const { IDBObjectStore } = globalThis as unknown as { IDBObjectStore: { prototype: { put: (...a: unknown[]) => unknown } } };
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      if (this.name === 'settings') throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(library.create('Countries', { schema: emptySchema, layout: {} })).rejects.toThrow('Quota exceeded');
    spy.mockRestore();
    expect(await library.list()).toEqual([]);
    library.close();
  });
});

describe('work keeper', () => {
  it('first start stores the example; every change is saved shortly after; a reload reopens it', async () => {
    const browser = aBrowser();
    const tab = await aTab(browser);
    expect(tab.state()).toMatchObject({ documentName: 'authors / passport_info', saveStatus: 'saved' });
    addTable(tab);
    expect(tab.state().saveStatus).toBe('unsaved');
    await vi.waitFor(() => expect(tab.state().saveStatus).toBe('saved'));
    const saved = tab.state().document;
    expect(await storedText(tab.library, tab.state().documentId!)).toEqual({ revision: 2, text: serializeProjectFile(saved) });

    const reloaded = await aTab(browser, tab.session);
    expect(reloaded.state().documentId).toBe(tab.state().documentId);
    expect(reloaded.state().document).toEqual(saved);
  });

  it('another tab saving the same document is noticed, and never written over', async () => {
    const browser = aBrowser();
    const a = await aTab(browser);
    const b = await aTab(browser, new Map(a.session));
    const id = a.state().documentId!;
    expect(b.state().documentId).toBe(id);

    addTable(a);
    await a.keeper.flush();
    await vi.waitFor(() => expect(b.state().saveStatus).toBe('conflict'));
    expect(b.state().notices.find((n) => n.id === 'conflict')).toMatchObject({
      text: expect.stringMatching(/Another tab saved a newer version/),
    });
    const theirs = await storedText(a.library, id);

    b.state().renameTable(b.state().document.schema.tables[0]!.id, 'writers');
    await b.keeper.flush();
    expect(await storedText(b.library, id)).toEqual(theirs);

    const create = b.library.create;
    b.library.create = () => Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError'));
    await b.keeper.keepMineAsCopy();
    expect(b.state().notices.map((n) => [n.id, n.text.slice(0, 60)])).toEqual([
      ['storage-error', "Could not keep this tab's version as a copy: the browser's s"],
      ['conflict', 'Another tab saved a newer version of “authors / passport_inf'],
    ]);
    b.library.create = create;

    await b.keeper.keepMineAsCopy();
    expect(b.state()).toMatchObject({ documentName: 'authors / passport_info (my copy)', saveStatus: 'saved' });
    expect(b.state().documentId).not.toBe(id);
    expect(await storedText(b.library, b.state().documentId!)).toMatchObject({ text: serializeProjectFile(b.state().document) });
    expect(await storedText(b.library, id)).toEqual(theirs);
  });

  it('a write refused because another tab got there first offers to load theirs', async () => {
    const browser = aBrowser();
    const a = await aTab(browser);
    const b = await aTab(browser, new Map(a.session));
    const id = a.state().documentId!;
    // Tab b writes straight to storage, so tab a hears nothing before its own write is refused.
    const other = await openLibrary(browser.dbName);
    await other.save(id, 1, 'x', { ...b.state().document, layout: {} });
    other.close();
    addTable(a);
    await a.keeper.flush();
    expect(a.state().saveStatus).toBe('conflict');
    await a.keeper.loadTheirs();
    expect(a.state()).toMatchObject({ saveStatus: 'saved', document: { layout: {} } });
  });

  it('a failed write says what failed and that the last good copy is kept', async () => {
    const browser = aBrowser();
    const tab = await aTab(browser, new Map(), (library) => ({
      ...library,
      save: () => Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError')),
    }));
    const before = await storedText(tab.library, tab.state().documentId!);
    addTable(tab);
    await tab.keeper.flush();
    expect(tab.state().saveStatus).toBe('failed');
    const notice = tab.state().notices.find((n) => n.id === 'save-failed')!;
    expect(notice.tone).toBe('error');
    expect(notice.text).toMatch(
      /Could not save “authors \/ passport_info” in this browser: the browser's storage for this site is full\. The last good copy \(saved at .+\) is kept/,
    );
    expect(await storedText(tab.library, tab.state().documentId!)).toEqual(before);
    expect(await tab.keeper.create('Another', { schema: emptySchema, layout: {} })).toBe(false);
  });

  it('a damaged stored record gets a message and never stops the start', async () => {
    const browser = aBrowser();
    const tab = await aTab(browser);
    const id = tab.state().documentId!;
    const db = await openDB(browser.dbName, 1);
    await db.put(
      'documents',
      { ...(await db.get('documents', id)), text: '{"format":"erd-proof","version":1,"schema":{"tables":[{"id":"t","name":3}]}}' },
      id,
    );
    db.close();
    const reloaded = await aTab(browser, tab.session);
    expect(reloaded.state().notices[0]).toMatchObject({
      tone: 'error',
      text: expect.stringMatching(/Could not open “authors \/ passport_info”: the stored document is damaged \(schema\.tables\.0\.name: /),
    });
    expect(reloaded.state().documentId).not.toBe(id);
    expect((await reloaded.keeper.list()).find((d) => d.id === id)?.damage).toMatch(/damaged/);
  });

  it('a bad file leaves the open document untouched; a good one opens as a new document', async () => {
    const tab = await aTab(aBrowser());
    const before = { id: tab.state().documentId, document: tab.state().document };
    expect(
      await tab.keeper.importFile('broken.erd.json', '{"format":"erd-proof","version":1,"schema":{"tables":[{"id":"t","name":3}]}}'),
    ).toBe(false);
    expect(tab.state().notices.at(-1)!.text).toMatch(
      /^Could not open “broken\.erd\.json”: schema\.tables\.0\.name: .*The open document is untouched\./,
    );
    expect({ id: tab.state().documentId, document: tab.state().document }).toEqual(before);
    const text = readFileSync(join(process.cwd(), 'examples/student-certificate.erd.json'), 'utf8');
    expect(await tab.keeper.importFile('student-certificate.erd.json', text)).toBe(true);
    expect(tab.state().documentName).toBe('student-certificate');
    expect(serializeProjectFile(tab.state().document)).toBe(text);
    expect((await tab.keeper.list()).map((d) => d.name).sort()).toEqual(['authors / passport_info', 'student-certificate']);
  });

  it('a file from a newer editor opens read-only: nothing stored or written until an editable copy is saved', async () => {
    const tab = await aTab(aBrowser());
    const text = readFileSync(join(process.cwd(), 'examples/student-certificate.erd.json'), 'utf8');
    const newer = JSON.stringify({ ...JSON.parse(text), version: 99, somethingNew: true });
    expect(await tab.keeper.importFile('future.erd.json', newer)).toBe(true);
    expect(tab.state()).toMatchObject({ documentId: null, documentName: 'future', saveStatus: 'readOnly' });
    expect(tab.state().readOnlyReason).toMatch(/newer version of the editor \(file version 99/);
    addTable(tab);
    expect(tab.state().document.schema.tables).toHaveLength(2);
    await tab.keeper.flush();
    expect((await tab.keeper.list()).map((d) => d.name)).toEqual(['authors / passport_info']);

    const notice = tab.state().notices.find((n) => n.id === 'read-only')!;
    notice.actions![0]!.run();
    await vi.waitFor(() => expect(tab.state().saveStatus).toBe('saved'));
    expect(tab.state()).toMatchObject({ documentName: 'future (editable copy)', readOnlyReason: null });
    addTable(tab);
    expect(tab.state().document.schema.tables).toHaveLength(3);
    expect((await tab.keeper.list()).map((d) => d.name).sort()).toEqual(['authors / passport_info', 'future (editable copy)']);
  });

  it('creates, renames, duplicates and deletes documents, a delete undone from its message', async () => {
    const tab = await aTab(aBrowser());
    const first = tab.state().documentId!;
    await tab.keeper.createFromTemplate({ id: 'u', title: 'users / user_settings', why: '', fileName: 'users-user-settings.erd.json' });
    const second = tab.state().documentId!;
    await tab.keeper.rename(second, 'Settings');
    expect(tab.state().documentName).toBe('Settings');
    await tab.keeper.duplicate(second, { open: false });
    const names = async () => (await tab.keeper.list()).map((d) => d.name).sort();
    expect(await names()).toEqual(['Settings', 'Settings (copy)', 'authors / passport_info']);
    expect(tab.state().documentId).toBe(second);

    await tab.keeper.remove(second);
    expect(await names()).toEqual(['Settings (copy)', 'authors / passport_info']);
    expect(tab.state().documentId).not.toBe(second);
    const undo = tab.state().notices.find((n) => n.id === 'deleted')!.actions![0]!;
    expect(undo.label).toBe('Undo');
    undo.run();
    await vi.waitFor(() => expect(tab.state().documentId).toBe(second));
    expect(await names()).toEqual(['Settings', 'Settings (copy)', 'authors / passport_info']);
    expect(await tab.keeper.open(first)).toBe(true);
  });
});
