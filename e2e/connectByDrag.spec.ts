import { expect, test } from '@playwright/test';
import { EditorPage } from './editorPage.ts';

test('a connection dropped anywhere on a table connects to it, highlighted and described while dragging; on empty canvas it makes nothing', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const editor = new EditorPage(page);
  await editor.open();
  await editor.startBlankDiagram();
  await editor.addTable('author', 'name');
  await editor.addTable('book', 'title');

  await editor.table('author').hover();
  const start = await editor.table('author').getByTestId('table-handle-right').boundingBox();
  const target = await editor.table('book').boundingBox();
  if (!start || !target) throw new Error('handle or table not found');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await expect(editor.table('book')).toHaveClass(/drop-target/);
  await expect(editor.table('author')).not.toHaveClass(/drop-target/);
  await expect(page.locator('.connection-preview')).toHaveText(/each author has zero or many books.*new column book\.author_id/);
  await page.mouse.up();

  await expect(editor.relationships).toHaveCount(1);
  await expect(page.locator('.inspector .sentence')).toHaveText(
    'each author has zero or many books; each book belongs to exactly one author',
  );
  await expect(page.locator('.connection-preview')).toHaveCount(0);
  await expect(editor.table('book')).not.toHaveClass(/drop-target/);

  const canvas = await page.locator('.react-flow').boundingBox();
  await editor.table('book').hover();
  const from = await editor.table('book').getByTestId('table-handle-right').boundingBox();
  if (!canvas || !from) throw new Error('canvas or handle not found');
  const empty = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height - 60 };
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(empty.x, empty.y, { steps: 12 });
  await expect(page.locator('.connection-preview')).toHaveText('Drop on a table to connect');
  await expect(editor.tables.and(page.locator('.drop-target'))).toHaveCount(0);
  await page.mouse.up();

  await expect(page.locator('.connection-preview')).toHaveCount(0);
  await expect(editor.relationships).toHaveCount(1);
  expect(errors).toEqual([]);
});
