import { expect, type Browser, type Page } from '@playwright/test';
import type { ErdDocument } from '../src/model/index.ts';

type Links = { edit: string; view: string };
type Store = { getState(): Record<string, unknown> & { document: ErdDocument } };
/** The test API of the page (src/app/startEditor.tsx). */
export type ErdWindow = { erd: { store: Store; shareLive(): Promise<Links> } };

/** One participant: a browser context of their own, with their name already given (asked once, remembered). */
export class Participant {
  private constructor(readonly page: Page) {}

  /** `name` null: a first visit, where the page asks for one. */
  static async open(browser: Browser, name: string | null, url: string): Promise<Participant> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    if (name !== null) await context.addInitScript((given) => localStorage.setItem('erd-live-name', given), name);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => 'erd' in window && (window as unknown as ErdWindow).erd.store.getState().saveStatus !== 'loading');
    return new Participant(page);
  }

  /** The connection badge, always visible in a live session. */
  get status() {
    return this.page.getByTestId('live-status');
  }

  async shareLive(): Promise<Links> {
    return this.page.evaluate(() => (window as unknown as ErdWindow).erd.shareLive());
  }

  async join(link: string): Promise<void> {
    await this.page.goto(link);
    await expect(this.status).toHaveAttribute('data-connection', 'connected');
  }

  async document(): Promise<ErdDocument> {
    return this.page.evaluate(() => (window as unknown as ErdWindow).erd.store.getState().document);
  }

  /** Calls a store action by name, as the test API allows on a live document too. */
  async act(action: string, ...args: unknown[]): Promise<void> {
    await this.page.evaluate(
      ([name, values]) => {
        const state = (window as unknown as ErdWindow).erd.store.getState();
        (state[name as string] as (...a: unknown[]) => void)(...(values as unknown[]));
      },
      [action, args] as const,
    );
  }

  /** The names of a table's columns in this participant's document. */
  async columnNames(tableId: string): Promise<string[]> {
    const document = await this.document();
    return document.schema.tables.find((t) => t.id === tableId)?.columns.map((c) => c.name) ?? [];
  }

  async tableName(tableId: string): Promise<string | undefined> {
    return (await this.document()).schema.tables.find((t) => t.id === tableId)?.name;
  }

  /** Waits for the proof of the document as it is now (the schema proved is the one shown). */
  async expectProved(): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const state = (window as unknown as ErdWindow).erd.store.getState() as Record<string, unknown> & { document: ErdDocument };
        return state.proofReport !== null && state.provedSchema === state.document.schema;
      },
      undefined,
      { timeout: 60_000 },
    );
  }
}
