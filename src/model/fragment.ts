import { newId, type ColumnId, type TableId } from './ids.ts';
import { uniqueName } from './naming.ts';
import type { Layout, Position, Relationship, Schema, Table } from './schema.ts';

/** Copied tables with the relationships among them and their positions: what the clipboard holds. */
export interface Fragment {
  tables: Table[];
  relationships: Relationship[];
  layout: Layout;
}

/** The chosen tables, the relationships whose both ends are among them, and where they sit. */
export function copyFragment(schema: Schema, layout: Layout, tableIds: readonly TableId[]): Fragment {
  const ids = new Set(tableIds);
  return {
    tables: schema.tables.filter((t) => ids.has(t.id)),
    relationships: schema.relationships.filter((r) => ids.has(r.from.tableId) && ids.has(r.to.tableId)),
    layout: Object.fromEntries(tableIds.filter((id) => layout[id]).map((id) => [id, layout[id]!])),
  };
}

/**
 * Adds a copy of a fragment: fresh ids everywhere (tables, columns, relationships, checks, indexes),
 * names made unique (`authors_2`), relationships re-pointed at the copies, positions shifted by `offset`.
 */
export function pasteFragment(
  schema: Schema,
  layout: Layout,
  fragment: Fragment,
  offset: Position,
): { schema: Schema; layout: Layout; tableIds: TableId[] } {
  const tableIds = new Map<TableId, TableId>();
  const columnIds = new Map<ColumnId, ColumnId>();
  // Junction tables share the namespace with tables.
  const taken = new Set([...schema.tables.map((t) => t.name), ...schema.relationships.map((r) => r.junction.name).filter(Boolean)]);
  const tables = fragment.tables.map((t): Table => {
    const id = newId('tbl');
    tableIds.set(t.id, id);
    // A copy of authors_2 is authors_3 (not authors_2_2) when authors exists; sales_2024 stays itself.
    const base = t.name.replace(/_\d+$/, '');
    const name = uniqueName(base !== t.name && taken.has(base) ? base : t.name, taken);
    taken.add(name);
    // A copy is drawn by the user: the generator names its keys and indexes, so they never clash with the original's kept names.
    const columns = t.columns.map(({ uniqueConstraintName: _kept, ...c }) => {
      const copy = { ...c, id: newId('col') };
      columnIds.set(c.id, copy.id);
      return copy;
    });
    const copy: Table = {
      ...t,
      id,
      name,
      columns,
      checks: t.checks.map((c) => ({ ...c, id: newId('chk') })),
      indexes: t.indexes.map((i) => ({ ...i, id: newId('idx'), name: '', columnIds: i.columnIds.map((c) => columnIds.get(c) ?? c) })),
      ...(t.primaryKeyColumnIds ? { primaryKeyColumnIds: t.primaryKeyColumnIds.map((c) => columnIds.get(c) ?? c) } : {}),
    };
    delete copy.primaryKeyName;
    return copy;
  });
  const junctionName = (name: string) => {
    if (!name) return '';
    const unique = uniqueName(name, taken);
    taken.add(unique);
    return unique;
  };
  const relationships = fragment.relationships.map(({ constraintName: _kept, uniqueConstraintName: _keptUnique, ...r }): Relationship => ({
    ...r,
    id: newId('rel'),
    from: { ...r.from, tableId: tableIds.get(r.from.tableId)! },
    to: { ...r.to, tableId: tableIds.get(r.to.tableId)! },
    foreignKeyColumnIds: r.foreignKeyColumnIds.map((c) => columnIds.get(c) ?? c),
    ...(r.referencedColumnIds ? { referencedColumnIds: r.referencedColumnIds.map((c) => columnIds.get(c) ?? c) } : {}),
    junction: { name: junctionName(r.junction.name), columns: r.junction.columns.map((c) => ({ ...c, id: newId('col') })) },
  }));
  const placed: Layout = { ...layout };
  for (const [oldId, newTableId] of tableIds) {
    const at = fragment.layout[oldId] ?? { x: 0, y: 0 };
    placed[newTableId] = { x: at.x + offset.x, y: at.y + offset.y };
  }
  return {
    schema: { ...schema, tables: [...schema.tables, ...tables], relationships: [...schema.relationships, ...relationships] },
    layout: placed,
    tableIds: [...tableIds.values()],
  };
}
