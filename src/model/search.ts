import type { ColumnId, TableId } from './ids.ts';
import type { Schema } from './schema.ts';

/** A table, or one of its columns, whose name matches a search. */
export interface SearchMatch {
  tableId: TableId;
  /** The matching column, or null when the table itself matched. */
  columnId: ColumnId | null;
  /** How it reads in a result list: `books` or `books.author_id`. */
  label: string;
}

/** How well a name matches, best first: the whole name, its start, the start of a word in it (`_id`), anywhere. */
function rank(name: string, query: string): number {
  const lower = name.toLowerCase();
  if (query === '') return 3;
  if (lower === query) return 0;
  if (lower.startsWith(query)) return 1;
  const at = lower.indexOf(query);
  if (at < 0) return -1;
  return /[^a-z0-9]/.test(lower[at - 1] ?? '') ? 2 : 3;
}

/**
 * Tables and columns whose names contain `query` (any case), best matches first, then tables before
 * columns, then in document order. `table.column` narrows a column search to matching tables, and a
 * table's schema may prefix its name (`app.users`).
 */
export function searchSchema(schema: Schema, query: string, limit = 50): SearchMatch[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const dot = q.lastIndexOf('.');
  const tablePart = dot < 0 ? q : q.slice(0, dot);
  const columnPart = dot < 0 ? q : q.slice(dot + 1);
  const scored: { match: SearchMatch; score: number; order: number }[] = [];
  let order = 0;
  for (const table of schema.tables) {
    const qualified = `${table.schemaName}.${table.name}`;
    const tableRank = rank(dot < 0 ? table.name : qualified, q);
    if (tableRank >= 0)
      scored.push({ match: { tableId: table.id, columnId: null, label: table.name }, score: tableRank * 2, order: order++ });
    const tableFits = dot < 0 || rank(table.name, tablePart) >= 0 || rank(qualified, tablePart) >= 0;
    if (!tableFits) continue;
    for (const column of table.columns) {
      const columnRank = rank(column.name, columnPart);
      if (columnRank < 0 || (dot < 0 && columnPart === '')) continue;
      scored.push({
        match: { tableId: table.id, columnId: column.id, label: `${table.name}.${column.name}` },
        score: columnRank * 2 + 1,
        order: order++,
      });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, limit).map((s) => s.match);
}
