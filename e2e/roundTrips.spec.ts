import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { EditorPage } from './editorPage.ts';
import { ExportImagePage } from './exportImagePage.ts';
import { KeepingWorkPage } from './keepingWorkPage.ts';

const pagilaUrl = new URL('../../shared/corpus/pagila-schema.sql', import.meta.url);
const pagila = () => readFile(pagilaUrl, 'utf8');
const pagilaAbsent = `the shared corpus is not beside the repository (${pagilaUrl.pathname}): a clone without ../shared skips this test`;

test('pagila-schema.sql dropped on the canvas: tables, 1:1 and 1:N markers, a Mermaid export, a share link opened in a new page', async ({
  page,
  context,
}) => {
  test.skip(!existsSync(pagilaUrl), pagilaAbsent);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const editor = new EditorPage(page);
  const work = new KeepingWorkPage(page);
  await editor.open();
  const before = await page.evaluate(
    () => (window as unknown as { erd: { store: { getState(): { documentId: string } } } }).erd.store.getState().documentId,
  );

  await work.dropFile('pagila-schema.sql', await pagila());
  await expect(work.documentButton).toHaveAccessibleName('Documents: pagila-schema', { timeout: 45_000 });
  await expect(work.notice('import')).toContainText('Imported 16 tables and 22 relationships');
  await expect(editor.relationships).toHaveCount(22);
  // film_embedding's key is film's: a 1:1 with a shared primary key; language to film is 1:N.
  const embedding = editor.relationship(/film_embedding/);
  await expect(embedding.locator('[data-end-kind="zeroOrOne"]')).toHaveCount(1);
  await expect(embedding.locator('[data-end-kind="exactlyOne"]')).toHaveCount(1);
  await expect(
    editor
      .relationship(/each language/)
      .locator('[data-end-kind="zeroOrMany"]')
      .first(),
  ).toBeAttached();
  // Every scenario of the imported schema is proven in PostgreSQL (pgvector's type through a stand-in).
  await expect(page.getByRole('tab', { name: /Proof/ })).toContainText('132 proven', { timeout: 45_000 });
  await expect(page.getByRole('status')).toHaveText(/Proved in PostgreSQL/);

  await work.runCommand('Export as SQL, DBML or Mermaid');
  const exportDialog = page.getByRole('dialog', { name: 'Export as text' });
  await exportDialog.getByRole('radio', { name: 'Mermaid' }).check();
  await expect(exportDialog.getByLabel('Mermaid text')).toContainText('erDiagram');
  await expect(exportDialog.getByLabel('Mermaid text')).toContainText('film ||--o| film_embedding');
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('pagila-schema.mmd');
  expect(await readFile(await download.path(), 'utf8')).toContain('language ||..o{ film');
  await page.keyboard.press('Escape');

  await new ExportImagePage(page).openDialog('Export PNG');
  const png = await new ExportImagePage(page).export({ what: 'The whole diagram', theme: 'Light', format: 'PNG' });
  expect(png.suggestedFilename()).toBe('pagila-schema.light.png');
  const { width, height } = await new ExportImagePage(page).readPng(await png.path(), [[2, 2]]);
  expect(width * height).toBeGreaterThan(1_000_000);

  await work.runCommand('Copy a share link');
  await expect(work.notice('share')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#doc=[A-Za-z0-9_-]+$/);

  const other = await context.newPage();
  await other.goto(link);
  const otherWork = new KeepingWorkPage(other);
  await expect(otherWork.documentButton).toHaveAccessibleName('Documents: Shared diagram');
  await expect(new EditorPage(other).relationships).toHaveCount(22);
  expect(new URL(other.url()).hash).toBe('');
  // The link made a new document: the first one and the import are still stored.
  await otherWork.openDocuments();
  await expect(otherWork.documentsDialog.getByText('pagila-schema', { exact: true })).toBeVisible();
  expect(before).toBeTruthy();
});

test('a script PostgreSQL refuses is not imported: the line, the statement and the message, and the open document is untouched', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  const work = new KeepingWorkPage(page);
  await editor.open();
  const name = await work.documentButton.getAttribute('aria-label');
  await work.runCommand('Import SQL or DBML');
  const dialog = page.getByRole('dialog', { name: 'Import SQL or DBML' });
  await dialog
    .getByLabel('Script to import')
    .fill(
      'CREATE TABLE a (id integer PRIMARY KEY);\n\nCREATE TABLE b (\n  id integer PRIMARY KEY,\n  a_id integer REFERENCES nowhere (id)\n);',
    );
  await dialog.getByRole('button', { name: 'Import as a new document' }).click();
  const problem = dialog.locator('.import-problem');
  await expect(problem).toContainText('Line 3');
  await expect(problem).toContainText('relation "nowhere" does not exist');
  await expect(problem.locator('.import-statement')).toContainText('REFERENCES nowhere');
  await expect(work.documentButton).toHaveAttribute('aria-label', name!);

  // Closing keeps the text; fixing it imports.
  await page.keyboard.press('Escape');
  await work.runCommand('Import SQL or DBML');
  await expect(dialog.getByLabel('Script to import')).toHaveValue(/REFERENCES nowhere/);
  await dialog
    .getByLabel('Script to import')
    .fill(
      'CREATE TABLE a (id integer PRIMARY KEY);\nCREATE TABLE b (id integer PRIMARY KEY, a_id integer NOT NULL UNIQUE REFERENCES a (id));',
    );
  await dialog.getByRole('button', { name: 'Import as a new document' }).click();
  await expect(work.documentButton).toHaveAccessibleName('Documents: Imported schema');
  await expect(editor.relationships.locator('[data-end-kind="exactlyOne"]')).toHaveCount(1);
  await expect(editor.relationships.locator('[data-end-kind="zeroOrOne"]')).toHaveCount(1);
});

test('hostile input: a 20 MB script and a share link of random bytes get a clear message, the open document stays; a name with markup is plain text', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  const work = new KeepingWorkPage(page);
  await editor.open();
  const name = await work.documentButton.getAttribute('aria-label');
  await work.dropFile('huge.sql', `-- ${'x'.repeat(80)}\n`.repeat(250_000));
  const dialog = page.getByRole('dialog', { name: 'Import SQL or DBML' });
  await expect(dialog.locator('.import-problem')).toContainText(/huge.sql: The script is 20\.\d MB; imports take at most 8\.0 MB/);
  await page.keyboard.press('Escape');
  await expect(work.documentButton).toHaveAttribute('aria-label', name!);

  // A name with markup in it is a name: drawn as text, never run.
  let alerted = false;
  page.on('dialog', (d) => {
    alerted = true;
    void d.dismiss();
  });
  await work.runCommand('Import SQL or DBML');
  await dialog
    .getByLabel('Script to import')
    .fill(`CREATE TABLE "<img src=x onerror=alert(1)><script>alert(2)</script>" (id integer PRIMARY KEY);`);
  await dialog.getByRole('button', { name: 'Import as a new document' }).click();
  await expect(work.documentButton).toHaveAccessibleName('Documents: Imported schema');
  await expect(page.locator('.table-node .table-name')).toHaveText('<img src=x onerror=alert(1)><script>alert(2)</script>');
  await expect(page.locator('.table-node img')).toHaveCount(0);
  expect(alerted).toBe(false);
  const imported = await work.documentButton.getAttribute('aria-label');

  await page.goto('/#doc=q83KzS0uSc3N0VEoLS5RSMsvyk1VyM3PS8ksLgEA');
  await expect(work.notice('share')).toContainText('This share link could not be opened');
  await expect(work.documentButton).toHaveAttribute('aria-label', imported!);
});
