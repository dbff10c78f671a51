import { expect, test } from '@playwright/test';
import { EditorPage } from './editorPage.ts';
import { KeepingWorkPage } from './keepingWorkPage.ts';

const ordersSql = `CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers (id), placed_at timestamptz);
`;

test('an import makes a version, Mark as deployed… adds one, both survive a reload, and one is deleted (and undone)', async ({ page }) => {
  const editor = new EditorPage(page);
  const work = new KeepingWorkPage(page);
  await editor.open();
  await work.waitSaved();

  await work.dropFile('orders.sql', ordersSql);
  await expect(work.documentButton).toHaveAccessibleName('Documents: orders', { timeout: 45_000 });
  await expect(editor.table('orders')).toBeVisible();

  const versions = page.getByRole('dialog', { name: 'Versions' });
  const listed = versions.getByRole('list', { name: 'Versions of this document' }).getByRole('listitem');
  await work.runCommand('Versions…');
  await expect(listed).toHaveCount(1);
  await expect(listed.first()).toContainText('imported from orders.sql');
  await expect(listed.first()).toContainText('migrations start here');
  await expect(listed.first()).toContainText('2 tables');

  await versions.getByRole('button', { name: 'Mark as deployed…' }).click();
  const mark = page.getByRole('dialog', { name: 'Mark as deployed' });
  const name = mark.getByLabel('Version name');
  await expect(name).toHaveValue(/^deployed \d{4}-\d\d-\d\d \d\d:\d\d$/);
  await name.fill('release 1');
  await mark.getByRole('button', { name: 'Mark' }).click();
  await expect(mark).toBeHidden();
  await expect(work.notice('version')).toContainText('Version “release 1” kept');
  await work.waitSaved();

  await page.reload();
  await expect(work.documentButton).toHaveAccessibleName('Documents: orders');
  await expect(editor.table('orders')).toBeVisible();
  await work.runCommand('Versions…');
  await expect(listed).toHaveCount(2);
  await expect(listed.nth(0)).toContainText('release 1');
  await expect(listed.nth(0)).toContainText('migrations start here');
  await expect(listed.nth(1)).toContainText('imported from orders.sql');

  await versions.getByRole('button', { name: 'Delete imported from orders.sql' }).click();
  await expect(listed).toHaveCount(1);
  await expect(listed.first()).toContainText('release 1');
  await page.keyboard.press('Escape');
  await expect(versions).toBeHidden();
  await work.waitSaved();
  expect((await work.open()).document).not.toContain('imported from orders.sql');

  await page.locator('body').focus();
  await page.keyboard.press('ControlOrMeta+z');
  await work.runCommand('Versions…');
  await expect(listed).toHaveCount(2);
  await expect(listed.nth(1)).toContainText('imported from orders.sql');
});
