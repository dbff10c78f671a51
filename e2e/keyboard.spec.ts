import { expect, test } from '@playwright/test';
import { EditorPage } from './editorPage.ts';

test('a relationship made by keyboard alone: palette, add tables, connect form', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.type('blank');
  await page.keyboard.press('Enter');
  await expect(editor.tables).toHaveCount(0);

  await page.locator('body').focus();
  await page.keyboard.press('t');
  await page.keyboard.press('t');
  await expect(editor.tables).toHaveCount(2);

  await page.keyboard.press('Escape');
  await page.locator('body').focus();
  await page.keyboard.press('c');
  const form = page.getByRole('dialog', { name: 'Connect two tables' });
  await expect(form.getByLabel('From table')).toBeFocused();
  await expect(form.getByLabel('From table')).toHaveValue(/tbl_/); // the selected table: table_2, just added
  await page.keyboard.press('Tab'); // to table: the other one already
  await page.keyboard.press('Tab'); // each table has…
  await page.keyboard.press('ArrowUp'); // zero or many -> one or many
  await page.keyboard.press('ArrowUp'); // -> zero or one
  await expect(form.locator('select[name="to-end"]')).toHaveValue('zeroOrOne');
  await page.keyboard.press('Tab'); // belongs to…
  await page.keyboard.press('Tab'); // strategy
  await page.keyboard.press('ArrowDown');
  await expect(form.getByLabel('shared primary key')).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  await expect(form).toHaveCount(0);
  await expect(editor.relationships).toHaveCount(1);
  await expect(page.locator('.inspector .sentence')).toHaveText(
    'each table_2 has zero or one table; each table belongs to exactly one table_2',
  );
  expect(await editor.ddl()).toContain('REFERENCES table_2 (id)');

  await page.locator('body').focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor.relationships).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Connect two tables…');
});

test('shift-click several tables, copy, paste, delete them with one key, undo brings them back', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.table('authors').locator('.table-header').click();
  await editor
    .table('passport_info')
    .locator('.table-header')
    .click({ modifiers: ['Shift'] });
  await expect(editor.selectedTables).toHaveCount(2);
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(editor.table('authors_2')).toBeVisible();
  await expect(editor.table('passport_info_2')).toBeVisible();
  await expect(editor.relationships).toHaveCount(4);
  await expect(editor.selectedTables).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(editor.tables).toHaveCount(5);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor.tables).toHaveCount(7);
  await expect(page.getByRole('tab', { name: /Proof/ })).toContainText('24 proven');
});

test('a sticky note is added with N, typed into, and undone as a whole', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await page.locator('body').focus();
  await page.keyboard.press('n');
  const note = page.getByRole('textbox', { name: 'Note text' });
  await expect(note).toBeFocused();
  await page.keyboard.type('passport_info is split off: few authors have one');
  await expect(note).toHaveValue('passport_info is split off: few authors have one');
  await expect(page.getByRole('tab', { name: /Proof/ })).toContainText('18 proven');
  await note.blur(); // in the note, Ctrl+Z is the text field's own undo
  await page.keyboard.press('ControlOrMeta+z');
  await expect(note).toHaveValue('');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.locator('.note-node')).toHaveCount(0);
});

test('a name typed in the inspector reaches the document before Enter, a toolbar click or leaving the field acts on it', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.table('authors').locator('.table-header').click();
  await expect(page.getByLabel('Table name')).toHaveValue('authors');
  const names = page.getByLabel('Column name', { exact: true });
  const count = await names.count();
  const last = names.nth(count - 1);
  await last.click();
  await last.press('End');
  // Typed and Enter straight away: the name is committed before Enter adds the next column.
  await last.pressSequentially('_x', { delay: 0 });
  await last.press('Enter');
  await expect(names).toHaveCount(count + 1);
  const typed = await names.nth(count - 1).inputValue();
  expect(typed).toMatch(/_x$/);
  await expect(
    editor
      .table('authors')
      .locator('.column-name')
      .nth(count - 1),
  ).toHaveText(typed);

  // Typed and a toolbar button clicked straight away: leaving the field commits, and Undo takes the typing back as one step.
  const added = names.nth(count);
  await expect(added).toBeFocused();
  const generated = await added.inputValue();
  await added.pressSequentially('nickname', { delay: 0 });
  await expect(added).toHaveValue('nickname');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(added).toHaveValue(generated);
  await expect(editor.table('authors').locator('.column-name').nth(count)).toHaveText(generated);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(editor.table('authors').locator('.column-name').nth(count)).toHaveText('nickname');
});

test('the command palette follows the editor while open: a table selected meanwhile can be copied', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await page.locator('body').focus();
  await page.keyboard.press('ControlOrMeta+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.type('copy');
  const copy = palette.getByRole('option').filter({ hasText: 'Copy the selected tables' });
  await expect(copy).toHaveCount(0);
  // A selection made while the palette stays open (nothing else on the page changes with it).
  await page.evaluate(() => {
    type Store = { getState(): { document: { schema: { tables: { id: string }[] } }; selectTables(ids: string[]): void } };
    const { getState } = (window as unknown as { erd: { store: Store } }).erd.store;
    getState().selectTables([getState().document.schema.tables[0]!.id]);
  });
  await expect(copy).toHaveCount(1);
  await expect(palette).toBeVisible();
});
