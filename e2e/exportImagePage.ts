import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** What the export dialog asks, in the words it shows. */
export interface ImageChoice {
  what: 'The whole diagram' | RegExp;
  theme: 'Light' | 'Dark';
  format: 'PNG' | 'SVG';
}

/** Page object for exporting images: the dialog, the download, and reading the pixels back in the browser. */
export class ExportImagePage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Export an image' });
  }

  /** Opens the dialog from the command palette, as someone at the keyboard would. */
  async openDialog(command: 'Export PNG' | 'Export SVG'): Promise<Locator> {
    await this.page.locator('body').focus();
    await this.page.keyboard.press('ControlOrMeta+k');
    await this.page.getByRole('textbox', { name: 'Command' }).fill(command);
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toBeVisible();
    return this.dialog;
  }

  /** Chooses in the dialog, exports, and returns the download once the dialog has closed. */
  async export(choice: ImageChoice): Promise<Download> {
    await this.dialog.getByRole('radio', { name: choice.what }).check();
    await this.dialog.getByRole('radio', { name: choice.theme, exact: true }).check();
    await this.dialog.getByRole('radio', { name: new RegExp(`^${choice.format}`) }).check();
    const download = this.page.waitForEvent('download');
    await this.dialog.getByRole('button', { name: `Export ${choice.format}` }).click();
    const file = await download;
    await expect(this.dialog).toBeHidden();
    return file;
  }

  /** A PNG's size and the colour of some of its pixels, decoded by the browser itself. */
  async readPng(path: string, points: readonly [number, number][]): Promise<{ width: number; height: number; pixels: number[][] }> {
    const base64 = (await readFile(path)).toString('base64');
    return this.page.evaluate(
      async ({ base64, points }) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const pixels = points.map(([x, y]) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)]);
        return { width: bitmap.width, height: bitmap.height, pixels };
      },
      { base64, points },
    );
  }
}
