import type { Layout, Table } from '../model/index.ts';

/** Room a table takes on the canvas, roughly: a header and a row per column (see canvas/tableMetrics.ts). */
const cellWidth = 320;
const headerHeight = 36;
const rowHeight = 26;
const gap = 60;

/**
 * A plain grid, row by row in table order, each row as tall as its tallest table: readable without a
 * layout engine, so the pure importer needs none; the app may run its auto layout afterwards.
 */
export function gridLayout(tables: readonly Table[]): Layout {
  const perRow = Math.max(1, Math.ceil(Math.sqrt(tables.length)));
  const layout: Record<string, { x: number; y: number }> = {};
  let y = 0;
  for (let start = 0; start < tables.length; start += perRow) {
    const row = tables.slice(start, start + perRow);
    row.forEach((t, i) => {
      layout[t.id] = { x: i * cellWidth, y };
    });
    y += headerHeight + rowHeight * Math.max(...row.map((t) => t.columns.length)) + gap;
  }
  return layout as Layout;
}
