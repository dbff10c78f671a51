import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { EditorPage } from './editorPage.ts';

test('a relationship shows just the SQL that enforces it; the whole DDL downloads as a .sql file', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.selectRelationship('rel_authors_passport_info');
  const statements = page.getByTestId('relationship-ddl');
  await expect(statements).toContainText('ADD CONSTRAINT passport_info_author_id_key UNIQUE (author_id);');
  await expect(statements).toContainText('REFERENCES authors (id);');
  await expect(statements).not.toContainText('CREATE TABLE');

  await page.getByRole('tab', { name: 'DDL' }).click();
  await page.getByLabel('In a transaction').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .sql' }).click()]);
  expect(download.suggestedFilename()).toBe('schema.sql');
  const sql = await readFile((await download.path())!, 'utf8');
  expect(sql.startsWith('BEGIN;\n\nCREATE TABLE authors (')).toBe(true);
  expect(sql.trimEnd().endsWith('COMMIT;')).toBe(true);
});

test('an action that cannot work is flagged where it was chosen, and blocks the DDL until fixed', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.selectRelationship('rel_authors_books');
  await page.locator('select[name="onDelete"]').selectOption('set null');
  const message = 'ON DELETE SET NULL cannot work: each book belongs to exactly one author, so author_id is NOT NULL.';
  await expect(page.locator('.inspector .problems')).toContainText(message);
  await expect(page.locator('.edge-label[data-label-for="rel_authors_books"] .problem-badge.error')).toBeVisible();
  await page.getByRole('tab', { name: 'DDL' }).click();
  await expect(page.getByTestId('ddl')).toHaveText('');

  await editor.setEnd(/Each book has… authors/, 'zero or one');
  await expect(page.locator('.inspector .problems')).toHaveCount(0);
  await expect(page.getByTestId('ddl')).toContainText('ON DELETE SET NULL');
});
