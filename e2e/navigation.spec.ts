import { expect, test } from '@playwright/test';
import type { ErdDocument } from '../src/model/index.ts';
import { largeDocument } from '../scripts/largeDocument.ts';
import { EditorPage } from './editorPage.ts';
import { centreOf, NavigationPage, overlaps } from './navigationPage.ts';

test('search centres the view on a column and highlights its row; arrows step between matches, Esc clears', async ({ page }) => {
  const editor = new EditorPage(page);
  const view = new NavigationPage(page);
  await editor.open();
  await view.load(largeDocument(60, 70, 10));

  await page.locator('body').press('/');
  await expect(view.searchBox).toBeFocused();
  await page.keyboard.type('table_0057.created');
  await expect(view.searchCount).toHaveText('1 of 1');
  const row = page.locator('.table-row.search-hit');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('created_at');
  await expect(editor.table('table_0057').locator('.table-row.search-hit')).toBeVisible();
  const pane = centreOf(await view.pane());
  await expect
    .poll(async () => Math.hypot(centreOf((await row.boundingBox())!).x - pane.x, centreOf((await row.boundingBox())!).y - pane.y))
    .toBeLessThan(30);

  await view.searchBox.fill('');
  await view.searchBox.pressSequentially('created_at');
  await expect(view.searchCount).toHaveText('1 of 60');
  await expect(editor.table('table_0000').locator('.table-row.search-hit')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(view.searchCount).toHaveText('2 of 60');
  await expect(editor.table('table_0001').locator('.table-row.search-hit')).toBeVisible();
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(view.searchCount).toHaveText('60 of 60');
  await expect(editor.table('table_0059').locator('.table-row.search-hit')).toBeVisible();
  await expect.poll(async () => Math.abs(centreOf((await row.boundingBox())!).y - pane.y)).toBeLessThan(30);

  await view.searchBox.fill('');
  await view.searchBox.pressSequentially('table_0042');
  await expect(editor.table('table_0042').and(page.locator('.search-hit'))).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.search-hit')).toHaveCount(0);
  await expect(view.searchBox).toHaveValue('');

  await page.keyboard.press('ControlOrMeta+f');
  await expect(view.searchBox).toBeFocused();
});

test('Arrange automatically separates piled-up tables, parents left of children, and one Ctrl+Z puts them all back', async ({ page }) => {
  const editor = new EditorPage(page);
  const view = new NavigationPage(page);
  await editor.open();
  const piled = await page.evaluate(() => {
    const { document } = (window as unknown as { erd: { store: { getState(): { document: ErdDocument } } } }).erd.store.getState();
    return { ...document, layout: Object.fromEntries(document.schema.tables.map((t, i) => [t.id, { x: 100 + i * 30, y: 100 + i * 20 }])) };
  });
  await view.load(piled);
  const before = await view.layout();
  const boxes = [...(await view.tableBoxes()).values()];
  expect(boxes.some((a, i) => boxes.some((b, j) => i < j && overlaps(a, b)))).toBe(true);
  const steps = await view.undoSteps();

  await view.arrange();
  await expect.poll(() => view.undoSteps()).toBe(steps + 1);
  const arranged = await view.settledTableBoxes();
  expect(arranged.size).toBe(piled.schema.tables.length);
  const list = [...arranged.entries()];
  for (const [i, [a, boxA]] of list.entries()) {
    for (const [b, boxB] of list.slice(i + 1)) expect(overlaps(boxA, boxB), `${a} overlaps ${b}`).toBe(false);
  }
  expect((await view.positionOf('authors')).x).toBeLessThan((await view.positionOf('books')).x);

  await page.locator('body').press('ControlOrMeta+z');
  expect(await view.layout()).toEqual(before);
  await expect.poll(() => view.undoSteps()).toBe(steps);
  const restored = [...(await view.tableBoxes()).values()];
  expect(restored.some((a, i) => restored.some((b, j) => i < j && overlaps(a, b)))).toBe(true);
});

test('with snap to grid on, a dragged table lands on the 24 px grid; the toggle is no undo step', async ({ page }) => {
  const editor = new EditorPage(page);
  const view = new NavigationPage(page);
  await editor.open();
  const snap = page.getByRole('button', { name: 'Snap to grid' });
  await expect(snap).toHaveAttribute('aria-pressed', 'false');
  const steps = await view.undoSteps();
  await snap.click();
  await expect(snap).toHaveAttribute('aria-pressed', 'true');
  expect(await view.undoSteps()).toBe(steps);

  const header = editor.table('books').locator('.table-header');
  const start = centreOf((await header.boundingBox())!);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 53, start.y + 37, { steps: 8 });
  await page.mouse.move(start.x + 107, start.y + 71, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => view.undoSteps()).toBe(steps + 1);
  const { x, y } = await view.positionOf('books');
  expect([x % 24, y % 24]).toEqual([0, 0]);

  await page.locator('body').press('g'); // off again, by key
  await expect(snap).toHaveAttribute('aria-pressed', 'false');
  const moved = centreOf((await header.boundingBox())!);
  await page.mouse.move(moved.x, moved.y);
  await page.mouse.down();
  await page.mouse.move(moved.x + 31, moved.y + 17, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await view.positionOf('books')).x).not.toBe(x);
  const free = await view.positionOf('books');
  expect(free.x % 24 !== 0 || free.y % 24 !== 0).toBe(true);
});
