import { expect, type Locator, type Page } from '@playwright/test';
import type { ErdDocument, Layout } from '../src/model/index.ts';

interface StoreState {
  document: ErdDocument;
  undoDepth: number;
  isArranging: boolean;
  loadDocument(document: ErdDocument): void;
}
type ErdWindow = { erd: { store: { getState(): StoreState } } };

/** A box on screen. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Page object for finding your way around a diagram: search, automatic layout, snapping, the view. */
export class NavigationPage {
  constructor(readonly page: Page) {}

  get searchBox(): Locator {
    return this.page.getByRole('combobox', { name: 'Find a table or column' });
  }

  get searchCount(): Locator {
    return this.page.locator('.search-count');
  }

  /** Opens a document through the test API, as opening a file would. */
  async load(document: ErdDocument): Promise<void> {
    await this.page.evaluate((doc) => (window as unknown as ErdWindow).erd.store.getState().loadDocument(doc), document);
    await expect(this.tables.first()).toBeVisible();
  }

  async layout(): Promise<Layout> {
    return this.page.evaluate(() => (window as unknown as ErdWindow).erd.store.getState().document.layout);
  }

  async undoSteps(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as ErdWindow).erd.store.getState().undoDepth);
  }

  /** Runs "Arrange automatically" from the toolbar and waits for the layout worker to finish. */
  async arrange(): Promise<void> {
    await this.page.getByRole('button', { name: 'Arrange automatically' }).click();
    await this.page.waitForFunction(() => !(window as unknown as ErdWindow).erd.store.getState().isArranging);
  }

  /** Every table on the canvas. */
  get tables(): Locator {
    return this.page.getByTestId('table-node');
  }

  /** The canvas's box on screen. */
  async pane(): Promise<Box> {
    return (await this.page.getByRole('application', { name: 'Diagram' }).boundingBox())!;
  }

  /** Every table's box on screen, by table name. */
  async tableBoxes(): Promise<Map<string, Box>> {
    const boxes = new Map<string, Box>();
    for (const node of await this.tables.all()) {
      boxes.set((await node.getAttribute('data-table-name'))!, (await node.boundingBox())!);
    }
    return boxes;
  }

  /** Every table's box once two readings in a row agree, so no box is read while the view still moves. */
  async settledTableBoxes(): Promise<Map<string, Box>> {
    let last = '';
    await expect
      .poll(async () => {
        const now = JSON.stringify([...(await this.tableBoxes())]);
        const isStill = now === last;
        last = now;
        return isStill;
      })
      .toBe(true);
    return this.tableBoxes();
  }

  /** Where a table's node sits in flow coordinates, as the store has it. */
  async positionOf(tableName: string): Promise<{ x: number; y: number }> {
    return this.page.evaluate((name) => {
      const { document } = (window as unknown as ErdWindow).erd.store.getState();
      const table = document.schema.tables.find((t) => t.name === name)!;
      return document.layout[table.id]!;
    }, tableName);
  }
}

/** Whether two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The centre of a box. */
export function centreOf(box: Box): { x: number; y: number } {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
