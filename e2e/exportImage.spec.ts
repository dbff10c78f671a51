import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { EditorPage } from './editorPage.ts';
import { ExportImagePage } from './exportImagePage.ts';

/** The dark theme's --bg (#0f141b), the image's background. */
const darkBackground = [15, 20, 27];

test('the whole example diagram as a dark PNG: every table in full, on the theme background', async ({ page }, testInfo) => {
  const editor = new EditorPage(page);
  const exporter = new ExportImagePage(page);
  await editor.open();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');

  const dialog = await exporter.openDialog('Export PNG');
  await expect(dialog.getByRole('radio', { name: /The selected tables/ })).toBeDisabled();
  await expect(dialog.getByRole('radio', { name: 'Light', exact: true })).toBeChecked();
  const download = await exporter.export({ what: 'The whole diagram', theme: 'Dark', format: 'PNG' });
  expect(download.suggestedFilename()).toBe('authors - passport_info.dark.png');
  const path = testInfo.outputPath('diagram.dark.png');
  await download.saveAs(path);

  const bytes = await readFile(path);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.length).toBeGreaterThan(20_000);
  const png = await exporter.readPng(path, [
    [2, 2],
    [10, 300],
  ]);
  // Five tables over about 700 × 650 CSS pixels, drawn at twice the size.
  expect(png.width).toBeGreaterThan(1200);
  expect(png.height).toBeGreaterThan(1000);
  for (const pixel of png.pixels) expect(pixel).toEqual(darkBackground);
  // The page kept its light theme and no stage was left behind.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.image-export')).toHaveCount(0);
});

test("an SVG of the selected tables holds them, their relationship and its crow's feet, and nothing else", async ({ page }) => {
  const editor = new EditorPage(page);
  const exporter = new ExportImagePage(page);
  await editor.open();
  await editor.table('authors').locator('.table-header').click();
  await editor
    .table('books')
    .locator('.table-header')
    .click({ modifiers: ['Shift'] });

  await exporter.openDialog('Export SVG');
  const download = await exporter.export({ what: /The selected tables \(2\)/, theme: 'Light', format: 'SVG' });
  expect(download.suggestedFilename()).toBe('authors - passport_info.selection.light.svg');
  const svg = await readFile(await download.path(), 'utf8');

  // A few hundred kB of inlined styles: check by pieces, so a failure does not print it all.
  const has = (text: string | RegExp) => (typeof text === 'string' ? svg.includes(text) : text.test(svg));
  expect(has(/^<svg /)).toBe(true);
  // Styles are trimmed to what the drawing needs: two tables, not the ~400 properties of every element (350 kB).
  expect(svg.length).toBeLessThan(60_000);
  expect(has(/<rect width="100%" height="100%" fill="rgb\(246, 247, 249\)"/), 'the light background, margin included').toBe(true);
  expect(has('data-table-name="authors"'), 'the selected table authors').toBe(true);
  expect(has('data-table-name="books"'), 'the selected table books').toBe(true);
  expect(has(/class="edge-name"[^>]*>writes</), 'the relationship name').toBe(true);
  expect(has(/class="crows-foot"[^>]*><line /), "crow's-foot lines").toBe(true);
  expect(has('react-flow__edge-path'), 'the edge line').toBe(true);
  expect(has('passport_info'), 'the unselected table passport_info').toBe(false);
  expect(has('capital'), 'the unselected table capital').toBe(false);
  // Editor furniture is left out: handles and proof badges.
  expect(has('react-flow__handle'), 'handles').toBe(false);
  expect(has('proof-badge'), 'proof badges').toBe(false);
});
