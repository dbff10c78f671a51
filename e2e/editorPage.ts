import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the editor: what a person does, in their words, so specs stay short. */
export class EditorPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('status')).toHaveText(/Proved in PostgreSQL/);
  }

  /** Every table on the canvas, drawn in full or (zoomed out) as an outline. */
  get tables(): Locator {
    return this.page.getByTestId('table-node');
  }

  /** The tables selected on the canvas. */
  get selectedTables(): Locator {
    return this.tables.and(this.page.locator('.selected'));
  }

  /** Every relationship line on the canvas. */
  get relationships(): Locator {
    return this.page.getByTestId('relationship-edge');
  }

  /** The relationship lines whose description (each line's accessible name) matches. */
  relationship(description: RegExp): Locator {
    return this.relationships.and(this.page.getByLabel(description));
  }

  table(name: string): Locator {
    return this.tables.and(this.page.locator(`[data-table-name="${name}"]`));
  }

  async startBlankDiagram(): Promise<void> {
    await this.page.getByRole('button', { name: 'New blank diagram' }).click();
    await expect(this.tables).toHaveCount(0);
  }

  /** Adds a table, names it and adds columns, all through the inspector. */
  async addTable(name: string, ...columns: string[]): Promise<void> {
    await this.page.getByRole('button', { name: '+ Add table' }).click();
    await this.page.getByLabel('Table name').fill(name);
    for (const column of columns) {
      await this.page.getByRole('button', { name: '+ Add column' }).click();
      await this.page.getByLabel('Column name').last().fill(column);
    }
    await expect(this.table(name)).toBeVisible();
  }

  /** Drags from the right-hand handle of one table to the left-hand handle of another. */
  async connectByDragging(from: string, to: string): Promise<void> {
    await this.table(from).hover();
    const start = await this.table(from).getByTestId('table-handle-right').boundingBox();
    await this.table(to).hover();
    const end = await this.table(to).getByTestId('table-handle-left').boundingBox();
    if (!start || !end) throw new Error('handles not found');
    await this.page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Clicks a relationship's line on the canvas. */
  async selectRelationship(id: string): Promise<void> {
    await this.relationships.and(this.page.locator(`[data-relationship-id="${id}"]`)).dispatchEvent('click');
    await expect(this.page.locator('.inspector[aria-label="Relationship"]')).toBeVisible();
  }

  async setEnd(label: RegExp, kind: 'exactly one' | 'zero or one' | 'one or many' | 'zero or many'): Promise<void> {
    await this.page.getByLabel(label).selectOption({ label: kind });
  }

  async ddl(): Promise<string> {
    await this.page.getByRole('tab', { name: 'DDL' }).click();
    return (await this.page.getByTestId('ddl').textContent()) ?? '';
  }

  async openProof(): Promise<void> {
    await this.page.getByRole('tab', { name: /Proof/ }).click();
  }

  /** A scenario card in the Proof panel, by its title. */
  scenario(title: string): Locator {
    return this.page.locator('.proof-panel .scenario').filter({ has: this.page.getByText(title, { exact: true }) });
  }
}
