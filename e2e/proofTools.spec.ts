import { expect, test } from '@playwright/test';
import { EditorPage } from './editorPage.ts';

const passportRelationship = 'rel_authors_passport_info';

test('every relationship carries a proof badge that opens its scenarios', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await expect(page.locator('[data-proof-badge="passed"]')).toHaveCount(3);
  await page.getByRole('tab', { name: 'DDL' }).click();
  await page.locator(`[data-label-for="${passportRelationship}"] [data-proof-badge]`).click();
  await expect(page.getByRole('tab', { name: /Proof/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.inspector[aria-label="Relationship"]')).toBeVisible();
  await expect(page.locator('.proof-group')).toHaveCount(1);
  await expect(page.locator('.proof-group .scenario')).toHaveCount(6);
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(page.locator('.proof-group')).toHaveCount(3);
});

test('step through a 1:1: rows after each statement, and why PostgreSQL refused the second passport', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await page
    .locator('.proof-group')
    .filter({ hasText: 'each author has zero or one passport_info' })
    .getByRole('button', { name: 'Step through' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Step through the proof' });
  await expect(dialog.locator('.step')).toHaveAttribute('data-step-role', 'setup');
  await expect(dialog.locator('figure[data-table="authors"] tbody tr')).toHaveCount(1);
  await dialog.getByRole('button', { name: /A second passport_info/ }).click();
  await expect(dialog.locator('.step-label')).toContainText('step 1 of 3');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.locator('figure[data-table="passport_info"] tbody tr.added')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  const step = dialog.locator('.step');
  await expect(step).toHaveAttribute('data-outcome', 'rejected');
  await expect(step.locator('.step-why')).toHaveText(
    'Refused with 23505 (unique_violation), as the diagram says: each author has zero or one passport_info.',
  );
  await expect(step.locator('.pg-message')).toContainText('duplicate key value violates unique constraint "passport_info_author_id_key"');
  await expect(dialog.locator('figure[data-table="passport_info"] tbody tr')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the SQL console runs any SQL on the schema with sample rows, shows errors where they are, and cannot break anything', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await page.getByRole('tab', { name: 'SQL console' }).click();
  const input = page.getByRole('textbox', { name: 'SQL to run' });
  const run = async (sql: string) => {
    await input.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(sql);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  };

  await run('SELECT a.name, p.author_id FROM authors a JOIN passport_info p ON p.author_id = a.id;');
  await expect(page.locator('.result-grid th')).toHaveText(['name', 'author_id']);
  await expect(page.locator('.result-grid tbody tr')).toHaveCount(1);

  await run('SELECT 1;\nSELEC * FROM authors;');
  await expect(page.locator('.console-error')).toContainText('syntax error at or near "SELEC"');
  await expect(page.locator('.console-error')).toContainText('at line 2, column 1');

  await run('COMMIT; CREATE TABLE leftover (id int); DROP SCHEMA erd_proof CASCADE;');
  await expect(page.locator('.console-ok').first()).toBeVisible();
  // The committed leftovers are gone: the console's PostgreSQL was replaced, and the sample rows are back (one author per relationship of authors).
  await run("SELECT count(*) AS authors, to_regclass('public.leftover') AS leftover FROM authors;");
  await expect(page.locator('.result-grid tbody td')).toHaveText(['2', 'NULL']);

  await editor.openProof();
  await page.getByRole('button', { name: 'Run proof' }).click();
  await expect(page.getByRole('tab', { name: /Proof/ })).toContainText('18 proven');
  await expect(editor.table('authors')).toBeVisible();
});

test('a proof past its time limit is stopped and reported, and PostgreSQL restarts', async ({ page }) => {
  await page.goto('/?proofTimeLimitMs=1');
  await expect(page.getByRole('alert')).toHaveText('The proof ran past 1 ms and was stopped; PostgreSQL is restarting.');
  await expect(page.getByRole('status')).toHaveText('PostgreSQL is ready.');
  await expect(page.locator('[data-proof-badge]')).toHaveCount(0);
});
