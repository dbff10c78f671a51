/** Table node sizes shared by the CSS (inline) and the edge anchors, so edges meet the right row. */
export const tableMetrics = {
  headerHeight: 36,
  rowHeight: 26,
  minWidth: 220,
} as const;

/** Vertical centre of a column's row, from the top of the table node. */
export function rowCenterY(columnIndex: number): number {
  return tableMetrics.headerHeight + columnIndex * tableMetrics.rowHeight + tableMetrics.rowHeight / 2;
}
