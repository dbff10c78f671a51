import { expect, test } from '@playwright/test';
import { largeDocument } from '../scripts/largeDocument.ts';
import { EditorPage } from './editorPage.ts';
import { NavigationPage } from './navigationPage.ts';

test('a whole 300-table schema fitted on screen: the names shown are legible and never overlap, a note still reads', async ({ page }) => {
  const editor = new EditorPage(page);
  const view = new NavigationPage(page);
  await editor.open();
  await view.load(largeDocument(300, 360));
  await page.getByRole('button', { name: '+ Note' }).click();
  await page.getByLabel('Note text').fill('Billing owns these tables: ask Anna before changing invoices.');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 300 } });
  await page.locator('.react-flow__controls-fitview').click();
  await expect(page.locator('.table-outline').first()).toBeVisible();

  const names = page.locator('.table-outline-name');
  await expect.poll(() => names.count()).toBeGreaterThan(20);
  const boxes = await names.evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().toJSON() as DOMRect));
  for (const box of boxes) expect(box.height).toBeGreaterThanOrEqual(14); // 12.6 px type on a pill
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, 'two table names overlap').toBe(false);
    }
  await expect(page.locator('.note-summary')).toHaveText('Billing owns these tables: ask Anna before changing invoices.');
  const note = await page.locator('.note-summary').boundingBox();
  expect(note!.width).toBeGreaterThan(150);
});
