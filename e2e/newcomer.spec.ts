import { expect, test } from '@playwright/test';
import { EditorPage } from './editorPage.ts';
import { KeepingWorkPage } from './keepingWorkPage.ts';

test('a drawn 1:1 shows UQ on its foreign key, marked as coming from the relationship, and a 1:N does not', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const authorId = editor.table('passport_info').locator('.table-row').filter({ hasText: 'author_id' });
  const fromRelationship = authorId.locator('.badge.uq.by-relationship');
  await expect(fromRelationship).toHaveText('UQ');
  await expect(fromRelationship).toHaveAttribute('title', /one-to-one with authors\.id/);
  await expect(editor.table('books').locator('.table-row').filter({ hasText: 'author_id' }).locator('.badge.uq')).toHaveCount(0);

  await editor.table('passport_info').locator('.table-header').click();
  const unique = page.locator('.column-editor[data-column-id="col_passport_info_author_id"]').getByLabel('Unique');
  await expect(unique).toBeChecked();
  await expect(unique).toBeDisabled();
  await expect(unique).toHaveAttribute('title', 'UNIQUE because of the one-to-one with authors.id');

  await editor.selectRelationship('rel_authors_passport_info');
  await editor.setEnd(/Each author has… passport_info/, 'zero or many');
  await expect(fromRelationship).toHaveCount(0);
});

test('the Proof tab shows every relationship again when another document opens after a badge narrowed it to one', async ({ page }) => {
  const editor = new EditorPage(page);
  const work = new KeepingWorkPage(page);
  await editor.open();
  await page.locator('.proof-badge').first().click();
  await expect(page.getByText('Showing one relationship.')).toBeVisible();
  await expect(page.locator('.proof-panel .proof-group')).toHaveCount(1);

  await work.newFromTemplate('users / user_profiles');
  await expect(page.getByRole('status')).toHaveText(/Proved in PostgreSQL/);
  await expect(page.getByText('Showing one relationship.')).toHaveCount(0);
  await expect(page.locator('.proof-panel .proof-group').first()).toBeVisible();
  await expect(page.locator('.proof-panel .scenario').first()).toBeVisible();
});
