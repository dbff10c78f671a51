import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EditorPage } from './editorPage.ts';
import { KeepingWorkPage } from './keepingWorkPage.ts';

test.beforeEach(async ({ context }) => {
  await KeepingWorkPage.withoutFilePickers(context);
});

test('a template loads and proves; an edit is saved and a reload brings back exactly that document', async ({ page }) => {
  const editor = new EditorPage(page);
  const work = new KeepingWorkPage(page);
  await editor.open();
  await expect(work.documentButton).toHaveAccessibleName('Documents: authors / passport_info');
  await work.waitSaved();

  await work.newFromTemplate('country / capital');
  await expect(page.getByRole('status')).toHaveText(/Proved in PostgreSQL/);
  await expect(page.locator('.proof-panel')).toContainText('6 proven · 0 failing · 0 not provable');
  await expect(editor.table('capital')).toBeVisible();

  await work.renameTable('country', 'nation');
  await work.waitSaved();
  const before = await work.open();
  expect(before.document).toContain('"nation"');

  await page.reload();
  await expect(page.getByRole('status')).toHaveText(/Proved in PostgreSQL/);
  await expect(editor.table('nation')).toBeVisible();
  expect(await work.open()).toEqual(before);
  expect((await work.stored()).map((r) => r.name).sort()).toEqual(['authors / passport_info', 'country / capital']);
});

test('a file saved and opened again is identical; a bad file is refused by name and the open document survives', async ({ page }) => {
  const editor = new EditorPage(page);
  const work = new KeepingWorkPage(page);
  await editor.open();
  await work.waitSaved();
  const original = await work.open();

  const saved = await work.saveToFile();
  expect(saved.name).toBe('authors - passport_info.erd.json');
  expect(saved.text).toBe(readFileSync('examples/classic-one-to-one.erd.json', 'utf8'));

  await work.openFile(saved.name, saved.text);
  await expect(work.documentButton).toHaveAccessibleName('Documents: authors - passport_info');
  const reopened = await work.open();
  expect(reopened.documentId).not.toBe(original.documentId);
  expect(reopened.document).toBe(original.document);
  expect((await work.saveToFile()).text).toBe(saved.text);

  const broken = saved.text.replace('"name": "authors"', '"name": 42');
  await work.dropFile('broken.erd.json', broken);
  await expect(work.notice('file-error')).toContainText('Could not open “broken.erd.json”: schema.tables.0.name: ');
  await expect(work.notice('file-error')).toContainText('The open document is untouched.');
  await work.openFile('notes.erd.json', 'not json at all');
  await expect(work.notice('file-error')).toContainText('Could not open “notes.erd.json”: not valid JSON');
  expect(await work.open()).toEqual(reopened);
  expect(await work.stored()).toHaveLength(2);

  await work.dropFile('countries.erd.json', readFileSync('examples/country-capital.erd.json', 'utf8'));
  await expect(work.documentButton).toHaveAccessibleName('Documents: countries');
  await expect(editor.table('capital')).toBeVisible();
});

test('two tabs on one document: a save in one is noticed in the other, and nothing is silently overwritten', async ({ context, page }) => {
  const a = { editor: new EditorPage(page), work: new KeepingWorkPage(page) };
  await a.editor.open();
  await a.work.waitSaved();
  const second = await context.newPage();
  const b = { editor: new EditorPage(second), work: new KeepingWorkPage(second) };
  await b.editor.open();
  expect((await b.work.open()).documentId).toBe((await a.work.open()).documentId);

  // Tab a saves; tab b, with nothing of its own, is told and loads it.
  await a.work.renameTable('books', 'novels');
  await a.work.waitSaved();
  await expect(b.work.notice('conflict')).toContainText('Another tab saved a newer version of “authors / passport_info”');
  await expect(b.work.saveStatus).toHaveText('Newer copy in another tab');
  await b.work.notice('conflict').getByRole('button', { name: 'Load the newer version' }).click();
  await expect(b.editor.table('novels')).toBeVisible();
  await b.work.waitSaved();

  // Tab b saves; tab a edits too, but its write is held back until it chooses.
  await b.work.renameTable('country', 'nation');
  await b.work.waitSaved();
  await expect(a.work.notice('conflict')).toBeVisible();
  await a.work.renameTable('capital', 'capital_city');
  await expect(a.work.notice('conflict')).toContainText('Your changes in this tab were not written over it.');
  // Rather than waiting out the autosave delay, ask for the write leaving the page makes: it is held back too.
  await a.work.writeAsOnLeaving();
  await expect(a.work.saveStatus).toHaveText('Newer copy in another tab');
  const shared = await a.work.storedByName('authors / passport_info');
  expect(shared.text).toContain('"nation"');
  expect(shared.text).not.toContain('"capital_city"');

  await a.work.notice('conflict').getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(a.work.documentButton).toHaveAccessibleName('Documents: authors / passport_info (my copy)');
  await a.work.waitSaved();
  const copy = await a.work.storedByName('authors / passport_info (my copy)');
  expect(copy.text).toContain('"capital_city"');
  expect(copy.text).toContain('"novels"');
  expect(copy.text).not.toContain('"nation"');
  expect((await a.work.storedByName('authors / passport_info')).text).toBe(shared.text);
  await expect(b.work.notice('conflict')).toHaveCount(0);
  await expect(b.work.saveStatus).toHaveText('Saved');
});

test('documents: rename, duplicate, open, delete with undo; a damaged record and a full quota are shown, the last good copy kept', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  const work = new KeepingWorkPage(page);
  await editor.open();
  await work.waitSaved();

  let dialog = await work.openDocuments();
  await dialog.getByRole('button', { name: 'Rename authors / passport_info' }).click();
  await dialog.getByLabel('New name for authors / passport_info').fill('Library');
  await page.keyboard.press('Enter');
  await expect(work.documentButton).toHaveAccessibleName('Documents: Library');
  await dialog.getByRole('button', { name: 'Duplicate Library' }).click();
  await dialog.getByRole('button', { name: 'Library (copy)', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(work.documentButton).toHaveAccessibleName('Documents: Library (copy)');

  await work.runCommand('Rename this document');
  await expect(page.getByLabel('New name for Library (copy)')).toBeFocused();
  await page.keyboard.type('Shop');
  await page.keyboard.press('Enter');
  await expect(work.documentButton).toHaveAccessibleName('Documents: Shop');
  await expect(work.documentsDialog).toHaveCount(0);

  await work.runCommand('Delete this document');
  await expect(work.documentButton).toHaveAccessibleName('Documents: Library');
  await work.notice('deleted').getByRole('button', { name: 'Undo' }).click();
  await expect(work.documentButton).toHaveAccessibleName('Documents: Shop');
  expect((await work.stored()).map((r) => r.name).sort()).toEqual(['Library', 'Shop']);

  // A record damaged on disk is listed, says why, and opens nothing.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.open('erd-proof');
        request.onsuccess = () => {
          const tx = request.result.transaction('documents', 'readwrite');
          tx.objectStore('documents').put({ id: 'doc_bad', name: 'Broken', revision: 3, createdAt: 0, savedAt: 0, text: '{' }, 'doc_bad');
          tx.oncomplete = () => resolve();
        };
      }),
  );
  dialog = await work.openDocuments();
  await expect(dialog.locator('li[data-document-name="Broken"]')).toContainText(
    'Cannot be opened: the stored document is damaged (not valid JSON',
  );
  await dialog.getByRole('button', { name: 'Delete Broken' }).click();
  await expect(dialog.locator('li[data-document-name="Broken"]')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The browser refuses the write, as with a full quota.
  const lastGood = await work.storedByName('Shop');
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    (window as unknown as { restorePut(): void }).restorePut = () => (IDBObjectStore.prototype.put = put);
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'documents') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await work.renameTable('authors', 'too_much');
  await expect(work.saveStatus).toHaveText('Not saved');
  const failure = work.notice('save-failed');
  await expect(failure).toHaveAttribute('role', 'alert');
  await expect(failure).toContainText(
    "Could not save “Shop” in this browser: the browser's storage for this site is full. The last good copy (saved at",
  );
  expect(await work.storedByName('Shop')).toEqual(lastGood);
  await expect(editor.table('too_much')).toBeVisible();

  await page.evaluate(() => (window as unknown as { restorePut(): void }).restorePut());
  await failure.getByRole('button', { name: 'Try again' }).click();
  await work.waitSaved();
  expect((await work.storedByName('Shop')).text).toContain('"too_much"');
});
