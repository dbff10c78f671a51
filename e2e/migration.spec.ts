import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { EditorPage } from './editorPage.ts';
import { KeepingWorkPage } from './keepingWorkPage.ts';

const ordersSql = `CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers (id), placed_at timestamptz);
`;

test('an imported script marked deployed, a renamed column and a 1:N made 1:1 give a migration: RENAME COLUMN and UNIQUE, no data loss, proven, downloaded', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  const work = new KeepingWorkPage(page);
  await editor.open();
  await work.waitSaved();

  await work.dropFile('orders.sql', ordersSql);
  await expect(work.documentButton).toHaveAccessibleName('Documents: orders', { timeout: 45_000 });
  await page.getByRole('tab', { name: 'Migration' }).click();
  const panel = page.getByRole('region', { name: 'Migration' });
  await expect(panel.getByText('No changes since imported from orders.sql')).toBeVisible();
  await work.runCommand('Mark as deployed…');
  const mark = page.getByRole('dialog', { name: 'Mark as deployed' });
  await mark.getByLabel('Version name').fill('release 1');
  await mark.getByRole('button', { name: 'Mark' }).click();
  await expect(panel.getByText('No changes since release 1')).toBeVisible();

  await editor.table('orders').getByText('orders', { exact: true }).click();
  const placedAt = page.getByLabel('Column name', { exact: true }).nth(2);
  await expect(placedAt).toHaveValue('placed_at');
  await placedAt.fill('ordered_at');
  await placedAt.press('Tab');
  await editor.relationships.first().dispatchEvent('click');
  await editor.setEnd(/Each customer has… orders/, 'zero or one');

  await expect(panel.getByLabel('From')).toHaveValue(/.+/);
  await expect(panel.getByLabel('From').locator('option:checked')).toContainText('release 1 (marked, ');
  await expect(panel.getByLabel('From').locator('option')).toHaveCount(2);
  const up = panel.getByTestId('migration-up');
  await expect(up).toContainText('ALTER TABLE orders RENAME COLUMN placed_at TO ordered_at;');
  await expect(up).toContainText('ADD CONSTRAINT orders_customer_id_key UNIQUE (customer_id);');
  await expect(panel.getByTestId('no-data-loss')).toBeVisible();
  await expect(panel.getByTestId('data-loss')).toHaveCount(0);
  await expect(panel.getByTestId('rejects-rows')).toContainText('orders');

  await panel.getByRole('radio', { name: /^Down/ }).check();
  await expect(panel.getByTestId('migration-down')).toContainText('ALTER TABLE orders RENAME COLUMN ordered_at TO placed_at;');
  await panel.getByRole('radio', { name: /^Up/ }).check();
  await panel.getByRole('button', { name: 'Prove migration' }).click();
  await expect(panel.getByTestId('migration-proof-summary')).toHaveText('4 of 4 checks proven', { timeout: 45_000 });
  await expect(panel.locator('[data-check="rows"]')).toHaveAttribute('data-verdict', 'passed');
  await panel.screenshot({ path: '.lead/e2e/migration-panel.png' });

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download .sql' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^\d{14}_orders\.sql$/);
  const script = await readFile((await download.path())!, 'utf8');
  expect(script).toContain('ALTER TABLE orders RENAME COLUMN placed_at TO ordered_at;');
  expect(script).toContain('UNIQUE (customer_id)');
});

test('a document without versions says how to make one, and a mark starts the migration there', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await page.getByRole('tab', { name: 'Migration' }).click();
  const panel = page.getByRole('region', { name: 'Migration' });
  await expect(panel).toContainText('this document has none yet');
  await panel.getByRole('button', { name: 'Mark as deployed…' }).click();
  const mark = page.getByRole('dialog', { name: 'Mark as deployed' });
  await mark.getByLabel('Version name').fill('release 1');
  await mark.getByRole('button', { name: 'Mark' }).click();
  await expect(panel.getByText('No changes since release 1')).toBeVisible();
});

const notesSql = `CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL);
`;

test('a table dropped and one alike added is proposed as a rename: "Drop and add" drops it (listed as data loss), "Rename" renames it', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  const work = new KeepingWorkPage(page);
  await editor.open();
  await work.waitSaved();
  await work.dropFile('notes.sql', notesSql);
  await expect(work.documentButton).toHaveAccessibleName('Documents: notes', { timeout: 45_000 });

  // A copy of notes has new ids: renamed to memos with the original deleted, only the shape says it may be a rename.
  await editor.table('notes').locator('.table-header').click();
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(editor.table('notes_2')).toBeVisible();
  await page.getByLabel('Table name').fill('memos');
  await expect(editor.table('memos')).toBeVisible();
  await editor.table('notes').locator('.table-header').click();
  await page.keyboard.press('Delete');
  await expect(editor.table('notes')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Migration' }).click();
  const panel = page.getByRole('region', { name: 'Migration' });
  const proposal = panel.getByTestId('proposed-rename');
  await expect(proposal).toHaveCount(1);
  await expect(proposal).toContainText('table public.notes → public.memos');
  const up = panel.getByTestId('migration-up');
  // Until the user answers, the script drops and adds, and says so in the data-loss list.
  await expect(up).toContainText('DROP TABLE notes');
  await expect(up).toContainText('CREATE TABLE memos');
  await expect(panel.getByTestId('data-loss')).toContainText('notes');

  await proposal.getByRole('button', { name: 'Drop and add' }).click();
  await expect(proposal.getByRole('button', { name: 'Drop and add' })).toHaveAttribute('aria-pressed', 'true');
  await expect(up).toContainText('DROP TABLE notes');
  await expect(up).not.toContainText('RENAME');
  await expect(panel.getByTestId('data-loss')).toContainText('notes');
  await page.screenshot({ path: '.lead/e2e/migration-drop.png' });

  await proposal.getByRole('button', { name: 'Rename' }).click();
  await expect(proposal.getByRole('button', { name: 'Rename' })).toHaveAttribute('aria-pressed', 'true');
  await expect(up).toContainText('ALTER TABLE notes RENAME TO memos;');
  await expect(up).not.toContainText('DROP TABLE');
  await expect(up).not.toContainText('CREATE TABLE');
  await expect(panel.getByTestId('no-data-loss')).toBeVisible();
  await expect(panel.getByTestId('data-loss')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Prove migration' }).click();
  await expect(panel.getByTestId('migration-proof-summary')).toHaveText('4 of 4 checks proven', { timeout: 45_000 });
  await page.screenshot({ path: '.lead/e2e/migration-rename.png' });
});
