import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { EditorPage } from './editorPage.ts';
import { KeepingWorkPage } from './keepingWorkPage.ts';

/** Milliseconds between an edit and the reload or close that follows it: the figures, 0 included. */
const delays = [0, 50, 150, 300];

interface ErdWindow {
  erd: {
    store: {
      getState(): {
        document: { schema: { tables: { id: string; name: string }[] } };
        renameTable(id: string, name: string): void;
        saveStatus: string;
      };
    };
  };
}

test.beforeEach(async ({ context }) => {
  await KeepingWorkPage.withoutFilePickers(context);
});

/** Opens the editor on the first-start document once it is stored. */
async function openStored(page: Page): Promise<{ editor: EditorPage; work: KeepingWorkPage }> {
  const editor = new EditorPage(page);
  const work = new KeepingWorkPage(page);
  await editor.open();
  await work.waitSaved();
  return { editor, work };
}

/** The id of a table by name, read from the store. */
function tableId(page: Page, name: string): Promise<string> {
  return page.evaluate(
    (n) => (window as unknown as ErdWindow).erd.store.getState().document.schema.tables.find((t) => t.name === n)!.id,
    name,
  );
}

/** A table's name as the freshly loaded editor shows it, once the open document is stored ("Saved"). */
async function nameAfterLoad(page: Page, id: string): Promise<string | undefined> {
  await new KeepingWorkPage(page).waitSaved();
  return page.evaluate(
    (i) => (window as unknown as ErdWindow).erd.store.getState().document.schema.tables.find((t) => t.id === i)?.name,
    id,
  );
}

/** Renames a table through the store and reloads the page `delay` ms later (0: in the same task as the edit). */
async function storeEditThenReload(page: Page, id: string, name: string, delay: number): Promise<void> {
  const loaded = page.waitForEvent('load');
  await page.evaluate(
    ([i, n, d]) => {
      (window as unknown as ErdWindow).erd.store.getState().renameTable(i as string, n as string);
      if (d === 0) location.reload();
      else setTimeout(() => location.reload(), d as number);
    },
    [id, name, delay] as const,
  );
  await loaded;
}

/** Types a table's new name in the inspector, key by key, and leaves the text as a draft (the field keeps focus). */
async function typeTableName(page: Page, id: string, name: string): Promise<void> {
  const current = await page.evaluate(
    (i) => (window as unknown as ErdWindow).erd.store.getState().document.schema.tables.find((t) => t.id === i)!.name,
    id,
  );
  await new EditorPage(page).table(current).click();
  const field = page.getByLabel('Table name');
  await field.selectText();
  await page.keyboard.type(name);
  await expect(field).toHaveValue(name);
}

/** A second tab of the same browser opening the editor, as after closing the first (what it shows is read once it says "Saved"; the proof may still be starting). */
async function reopen(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

test('a reload 0, 50, 150 or 300 ms after a store edit or after typing loses nothing, and "Saved" means stored', async ({ page }) => {
  test.slow(); // eight reloads or new tabs, each reading the document back
  const { work } = await openStored(page);
  const id = await tableId(page, 'books');
  const lost: string[] = [];
  for (const delay of delays) {
    const stored = `stored_${delay}`;
    await storeEditThenReload(page, id, stored, delay);
    if ((await nameAfterLoad(page, id)) !== stored) lost.push(`store edit, reload at ${delay} ms`);

    const typed = `typed_${delay}`;
    await typeTableName(page, id, typed);
    const loaded = page.waitForEvent('load');
    await page.evaluate((d) => (d === 0 ? location.reload() : void setTimeout(() => location.reload(), d)), delay);
    await loaded;
    if ((await nameAfterLoad(page, id)) !== typed) lost.push(`typing, reload at ${delay} ms`);
    // "Saved" is only shown once IndexedDB has the document.
    expect.soft((await work.storedByName('authors / passport_info')).text).toContain(`"${typed}"`);
  }
  expect(lost).toEqual([]);
});

test('closing the tab 0, 50, 150 or 300 ms after a store edit or after typing loses nothing', async ({ context, page: first }) => {
  test.slow(); // eight reloads or new tabs, each reading the document back
  await openStored(first);
  const id = await tableId(first, 'books');
  const lost: string[] = [];
  let page = first;
  for (const delay of delays) {
    const stored = `closed_${delay}`;
    await page.evaluate(([i, n]) => (window as unknown as ErdWindow).erd.store.getState().renameTable(i!, n!), [id, stored]);
    if (delay > 0) await page.waitForTimeout(delay);
    await page.close();
    page = await reopen(context);
    if ((await nameAfterLoad(page, id)) !== stored) lost.push(`store edit, close at ${delay} ms`);

    const typed = `typed_${delay}`;
    await typeTableName(page, id, typed);
    if (delay > 0) await page.waitForTimeout(delay);
    await page.close();
    page = await reopen(context);
    if ((await nameAfterLoad(page, id)) !== typed) lost.push(`typing, close at ${delay} ms`);
  }
  expect(lost).toEqual([]);
});

test('a renderer that crashes right after an edit loses nothing', async ({ context, page }) => {
  await openStored(page);
  const id = await tableId(page, 'books');
  await page.evaluate((i) => (window as unknown as ErdWindow).erd.store.getState().renameTable(i, 'before_the_crash'), id);
  const crashed = page.waitForEvent('crash');
  await page.goto('chrome://crash').catch(() => undefined); // Chromium's own way to crash a renderer; the navigation never ends
  await crashed;
  const next = await reopen(context);
  expect(await nameAfterLoad(next, id)).toBe('before_the_crash');
});

test('a tab with edits it could not store asks before it closes, and a reload brings them back', async ({ page }) => {
  const { editor, work } = await openStored(page);
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await work.renameTable('authors', 'kept_somewhere');
  await expect(work.saveStatus).toHaveText('Not saved');

  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await expect(editor.table('kept_somewhere')).toBeVisible();

  // Reloaded anyway: the page's storage works again, and the journal puts the edit into it.
  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await expect(editor.table('kept_somewhere')).toBeVisible();
  await work.waitSaved();
  expect((await work.storedByName('authors / passport_info')).text).toContain('"kept_somewhere"');
});

test('a tab that saved everything closes without asking', async ({ context, page }) => {
  const { work } = await openStored(page);
  await work.renameTable('authors', 'writers');
  await work.waitSaved();
  let asked = false;
  page.on('dialog', (d) => {
    asked = true;
    void d.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toBe(false);
  await expect(new EditorPage(await reopen(context)).table('writers')).toBeVisible();
});

test('edits held back by a conflict ask before the tab closes, and come back as a copy beside the newer version', async ({
  context,
  page,
}) => {
  const a = await openStored(page);
  const second = await context.newPage();
  const b = await openStored(second);
  await b.work.renameTable('books', 'novels');
  await b.work.waitSaved();
  await expect(a.work.notice('conflict')).toBeVisible();
  await a.work.renameTable('capital', 'capital_city');
  await expect(a.work.notice('conflict')).toContainText('Your changes in this tab were not written over it.');

  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();

  const next = await reopen(context);
  const work = new KeepingWorkPage(next);
  await expect(work.notice('recovered')).toContainText(
    'Changes to “authors / passport_info” that were not stored when its tab closed are kept as “authors / passport_info (recovered)”',
  );
  const copy = await work.storedByName('authors / passport_info (recovered)');
  expect(copy.text).toContain('"capital_city"');
  expect(copy.text).not.toContain('"novels"');
  expect((await work.storedByName('authors / passport_info')).text).toContain('"novels"');
});

test('a project file past the limit is refused before it is read, with the limit in the message', async ({ page }) => {
  const { work } = await openStored(page);
  const before = await work.open();
  const padded = `{"format":"erd-proof"${' '.repeat(3 * 1024 * 1024)}}`;
  await work.dropFile('huge.erd.json', padded);
  await expect(work.notice('file-error')).toContainText(
    'Could not open “huge.erd.json”: it is 3.0 MB, and the editor opens project files up to 2.0 MB',
  );
  expect(await work.open()).toEqual(before);
});
