import { expect, test } from '@playwright/test';
import { EditorPage } from './editorPage.ts';

test('drag from a column to another table makes that column the foreign key; double-click renames a table in place', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.startBlankDiagram();
  await editor.addTable('authors', 'name');
  await editor.addTable('books', 'writer_id');
  await page.getByLabel('Column type').last().fill('integer');

  await editor.table('authors').hover();
  const end = await editor.table('authors').getByTestId('table-handle-left').boundingBox();
  const row = editor.table('books').locator('.table-row').filter({ hasText: 'writer_id' });
  await row.hover();
  const start = await row.locator('.column-handle').boundingBox();
  if (!start || !end) throw new Error('handle or table not found');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  await page.mouse.up();

  await expect(editor.relationships).toHaveCount(1);
  await expect(page.locator('.inspector .sentence')).toHaveText(
    'each author has zero or many books; each book belongs to exactly one author',
  );
  await expect(editor.table('books').locator('.table-row')).toHaveText([/^id/, /^writer_id.*FK/]);
  expect(await editor.ddl()).toContain('FOREIGN KEY (writer_id)');

  await editor.table('authors').locator('.table-name').dblclick();
  const input = page.locator('.table-name-input'); // the node is renamed as the user types
  await input.fill('writers');
  await input.press('Enter');
  await expect(editor.table('writers')).toBeVisible();
  await editor.table('writers').locator('.table-name').dblclick();
  await input.fill('oops');
  await page.keyboard.press('Escape');
  await expect(editor.table('writers')).toBeVisible();
});
