import { expect, test } from '@playwright/test';
import { EditorPage } from './editorPage.ts';

test('opens on the classic one-to-one example, proven', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  for (const name of ['authors', 'passport_info', 'books', 'country', 'capital']) await expect(editor.table(name)).toBeVisible();
  await expect(page.getByRole('tab', { name: /Proof/ })).toContainText('18 proven');
  await expect(editor.relationships.locator('.crows-foot')).toHaveCount(6);
});

test('draw two tables, connect them as a 1:1, read the DDL, watch PostgreSQL reject the duplicate', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.startBlankDiagram();
  await editor.addTable('authors', 'name');
  await editor.addTable('passports', 'number');

  await editor.connectByDragging('authors', 'passports');
  await expect(editor.relationships).toHaveCount(1);
  await expect(page.locator('.inspector .sentence')).toHaveText(
    'each author has zero or many passports; each passport belongs to exactly one author',
  );

  await editor.setEnd(/Each author has… passports/, 'zero or one');
  await expect(page.locator('.inspector .sentence')).toHaveText(
    'each author has zero or one passport; each passport belongs to exactly one author',
  );
  await expect(page.getByLabel('foreign key + UNIQUE')).toBeChecked();

  const ddl = await editor.ddl();
  expect(ddl).toContain('author_id integer NOT NULL');
  expect(ddl).toContain('ADD CONSTRAINT passports_author_id_key UNIQUE (author_id);');
  expect(ddl).toContain('ADD CONSTRAINT passports_author_id_fkey FOREIGN KEY (author_id)\n  REFERENCES authors (id);');

  await editor.openProof();
  const duplicate = editor.scenario('A second passport for the same author');
  await expect(duplicate).toHaveAttribute('data-verdict', 'passed');
  await expect(duplicate.locator('.expected')).toHaveText('rejected with 23505 (unique_violation)');
  await expect(duplicate.locator('.actual')).toHaveText('rejected with 23505 (unique_violation)');
  await expect(duplicate.locator('.pg-message')).toContainText('duplicate key value violates unique constraint "passports_author_id_key"');
  await expect(editor.scenario('A passport whose author does not exist').locator('.actual')).toHaveText(
    'rejected with 23503 (foreign_key_violation)',
  );
  await expect(editor.scenario('A passport with no author (author_id is NULL)').locator('.actual')).toHaveText(
    'rejected with 23502 (not_null_violation)',
  );
});

test('editing a 1:1 into a 1:N flips the duplicate-child scenario from rejected to accepted', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.selectRelationship('rel_authors_passport_info');
  const duplicate = page.locator('.inspector .scenario[data-scenario-kind="secondChild"]');
  await expect(duplicate.locator('.actual')).toHaveText('rejected with 23505 (unique_violation)');
  await editor.setEnd(/Each author has… passport_info/, 'zero or many');
  await expect(duplicate.locator('.expected')).toHaveText('accepted');
  await expect(duplicate.locator('.actual')).toHaveText('accepted');
  await expect(duplicate).toHaveAttribute('data-verdict', 'passed');
  await expect(page.getByTestId('relationship-ddl')).not.toContainText('UNIQUE');
});
