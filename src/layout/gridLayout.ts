import type { Layout, Table } from '../model/index.ts';
import { tableMetrics } from './tableMetrics.ts';

/** Room a table takes across the grid: a table node is at least `tableMetrics.minWidth` wide, plus room for its edges. */
const cellWidth = 320;
/** Space between one row of tables and the next. */
const gap = 60;

/**
 * A plain grid, row by row in table order, each row as tall as its tallest table: readable without a
 * layout engine, so the pure importers (SQL and DBML) need none; the app may run its auto layout afterwards.
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
    y += tableMetrics.headerHeight + tableMetrics.rowHeight * Math.max(...row.map((t) => t.columns.length)) + gap;
  }
  return layout as Layout;
}
