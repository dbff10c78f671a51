import { readFile } from 'node:fs/promises';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** A document as the browser keeps it in IndexedDB. */
export interface StoredRecord {
  id: string;
  name: string;
  revision: number;
  text: string;
}

/** What the editor holds about its open document, read through the test API on `window.erd`. */
export interface OpenDocument {
  documentId: string | null;
  documentName: string;
  saveStatus: string;
  /** The schema and layout as JSON, to compare across reloads and files. */
  document: string;
}

/** Page object for keeping work: documents, templates, files, and what is stored in the browser. */
export class KeepingWorkPage {
  constructor(readonly page: Page) {}

  /** The browser's file pickers are native windows a test cannot drive: without them the editor uses a file input and a download. */
  static async withoutFilePickers(context: BrowserContext): Promise<void> {
    await context.addInitScript(() => {
      for (const name of ['showOpenFilePicker', 'showSaveFilePicker']) {
        delete (Window.prototype as unknown as Record<string, unknown>)[name];
        delete (window as unknown as Record<string, unknown>)[name];
      }
    });
  }

  get saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }

  get documentButton(): Locator {
    return this.page.getByRole('button', { name: /^Documents: / });
  }

  get documentsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Documents' });
  }

  notice(id: string): Locator {
    return this.page.locator(`.work-notice[data-notice="${id}"]`);
  }

  /** An edit: selects a table on the canvas and renames it in the inspector. */
  async renameTable(name: string, newName: string): Promise<void> {
    await this.page
      .getByTestId('table-node')
      .and(this.page.locator(`[data-table-name="${name}"]`))
      .click();
    await this.page.getByLabel('Table name').fill(newName);
    await expect(this.page.getByTestId('table-node').and(this.page.locator(`[data-table-name="${newName}"]`))).toBeVisible();
  }

  /** Does what leaving the page does, without leaving: drafts are committed and what is unsaved is written now, unless held back. */
  async writeAsOnLeaving(): Promise<void> {
    await this.page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('Saved');
  }

  async openDocuments(): Promise<Locator> {
    await this.documentButton.click();
    await expect(this.documentsDialog).toBeVisible();
    return this.documentsDialog;
  }

  /** Runs a command through the palette (Ctrl/Cmd+K), as someone at the keyboard would. */
  async runCommand(label: string): Promise<void> {
    await this.page.locator('body').focus();
    await this.page.keyboard.press('ControlOrMeta+k');
    await this.page.getByRole('textbox', { name: 'Command' }).fill(label);
    await this.page.keyboard.press('Enter');
  }

  async newFromTemplate(title: string): Promise<void> {
    await this.runCommand('New from a template');
    await this.page
      .getByRole('dialog', { name: 'New from a template' })
      .getByRole('button', { name: new RegExp(`^${escape(title)}`) })
      .click();
    await expect(this.documentButton).toHaveAccessibleName(`Documents: ${title}`);
  }

  async open(): Promise<OpenDocument> {
    return this.page.evaluate(() => {
      const state = (window as unknown as { erd: { store: { getState(): Record<string, unknown> } } }).erd.store.getState();
      const { documentId, documentName, saveStatus, document } = state as {
        documentId: string | null;
        documentName: string;
        saveStatus: string;
        document: unknown;
      };
      return { documentId, documentName, saveStatus, document: JSON.stringify(document) };
    });
  }

  /** Every record in the browser's document library, read straight from IndexedDB. */
  async stored(): Promise<StoredRecord[]> {
    return this.page.evaluate(
      () =>
        new Promise<StoredRecord[]>((resolve, reject) => {
          const request = indexedDB.open('erd-proof');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const all = request.result.transaction('documents').objectStore('documents').getAll();
            all.onsuccess = () => {
              request.result.close();
              resolve(all.result as StoredRecord[]);
            };
          };
        }),
    );
  }

  async storedByName(name: string): Promise<StoredRecord> {
    const record = (await this.stored()).find((r) => r.name === name);
    if (!record) throw new Error(`no stored document named ${name}`);
    return record;
  }

  /** Saves the open document with Ctrl/Cmd+S (a download without a file picker) and returns the file's name and text. */
  async saveToFile(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.pressAnywhere('ControlOrMeta+s')]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }

  /** Opens a file through Ctrl/Cmd+O and the file input. */
  async openFile(name: string, text: string): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.pressAnywhere('ControlOrMeta+o')]);
    await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Drops a file on the canvas, as from a file manager. */
  async dropFile(name: string, text: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, content]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content!], fileName!, { type: 'application/json' }));
        return transfer;
      },
      [name, text],
    );
    const canvas = this.page.getByRole('application', { name: 'Diagram' });
    await canvas.dispatchEvent('dragenter', { dataTransfer });
    await canvas.dispatchEvent('dragover', { dataTransfer });
    await canvas.dispatchEvent('drop', { dataTransfer });
  }

  private async pressAnywhere(keys: string): Promise<void> {
    await this.page.locator('body').focus();
    await this.page.keyboard.press(keys);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
