import type { ColumnId, Schema, TableId } from '../model/index.ts';
import { diffSchemas } from './diff.ts';
import type { Migration, ProposedRename } from './migration.ts';

/**
 * `from` with each confirmed rename's old key replaced by the new one (a table's id, or a column's id
 * wherever the schema points at it), so `diffSchemas(result, to)` renames the table or column in place
 * of dropping it and adding another: its rows keep their values. A renamed table's columns take the ids
 * of `to`'s columns of the same name (a table is proposed because its columns match: a copy or another
 * file has new column ids too). A proposal whose key is not a table or column id of `from` (a junction
 * table's columns, which the relationship names) is left alone.
 */
export function applyConfirmedRenames(from: Schema, confirmed: readonly ProposedRename[], to: Schema): Schema {
  const tableIds = new Map<string, TableId>();
  const columnIds = new Map<string, ColumnId>();
  for (const r of confirmed) {
    if (r.kind === 'table') tableIds.set(r.fromKey, r.toKey as TableId);
    else columnIds.set(r.fromKey, r.toKey as ColumnId);
  }
  for (const [fromKey, toKey] of tableIds) {
    const renamed = to.tables.find((t) => t.id === toKey);
    for (const c of from.tables.find((t) => t.id === fromKey)?.columns ?? []) {
      const same = renamed?.columns.find((n) => n.name === c.name);
      if (same && !columnIds.has(c.id)) columnIds.set(c.id, same.id);
    }
  }
  if (tableIds.size === 0 && columnIds.size === 0) return from;
  const table = (id: TableId): TableId => tableIds.get(id) ?? id;
  const column = (id: ColumnId): ColumnId => columnIds.get(id) ?? id;
  const columns = (ids: readonly ColumnId[]) => ids.map(column);
  return {
    ...from,
    tables: from.tables.map((t) => ({
      ...t,
      id: table(t.id),
      columns: t.columns.map((c) => ({ ...c, id: column(c.id) })),
      indexes: t.indexes.map((i) => ({ ...i, columnIds: columns(i.columnIds) })),
      ...(t.primaryKeyColumnIds ? { primaryKeyColumnIds: columns(t.primaryKeyColumnIds) } : {}),
    })),
    relationships: from.relationships.map((r) => ({
      ...r,
      from: { ...r.from, tableId: table(r.from.tableId) },
      to: { ...r.to, tableId: table(r.to.tableId) },
      foreignKeyColumnIds: columns(r.foreignKeyColumnIds),
      ...(r.referencedColumnIds ? { referencedColumnIds: columns(r.referencedColumnIds) } : {}),
      junction: { ...r.junction, columns: r.junction.columns.map((c) => ({ ...c, id: column(c.id) })) },
    })),
  };
}

/** A proposal's identity, to keep the user's answer to it (the same pair of keys is the same question). */
export const renameKey = (r: Pick<ProposedRename, 'fromKey' | 'toKey'>): string => `${r.fromKey}>${r.toKey}`;

/**
 * The migration from `from` to `to` with the renames the user confirmed (by `renameKey`) made renames;
 * `proposedRenames` still lists every proposal, confirmed or not, so the user can change an answer.
 * A proposal not confirmed stays a drop and an add.
 */
export function diffWithConfirmedRenames(from: Schema, to: Schema, confirmedKeys: readonly string[]): Migration {
  const plain = diffSchemas(from, to);
  const confirmed = plain.proposedRenames.filter((r) => confirmedKeys.includes(renameKey(r)));
  if (confirmed.length === 0) return plain;
  return { ...diffSchemas(applyConfirmedRenames(from, confirmed, to), to), proposedRenames: plain.proposedRenames };
}
