import type { Column, ColumnId, Relationship, RelationshipId, Schema, Table, TableId } from '../model/index.ts';
import { resolveAll } from '../model/index.ts';

/** A rename the user confirmed across two files: `table` or `table.column` (optionally `schema.table...`) in `from`, and its name in `to`. */
export interface ConfirmedRename {
  from: string;
  to: string;
}

/** The name a table is matched by: `name`, or `schema.name` outside the default schema. */
const tableKey = (t: Pick<Table, 'schemaName' | 'name'>) => (t.schemaName === 'public' ? t.name : `${t.schemaName}.${t.name}`);

/**
 * Parses `--renames old=new,...` as the command line takes it; an entry without `=` is an error that
 * names it.
 */
export function parseRenames(text: string): { ok: true; renames: ConfirmedRename[] } | { ok: false; error: string } {
  const renames: ConfirmedRename[] = [];
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [from, to, ...rest] = entry.split('=');
    if (!from || !to || rest.length > 0)
      return { ok: false, error: `"${entry}" is not old=new (for example customers.phone=customers.telephone)` };
    renames.push({ from: from.trim(), to: to.trim() });
  }
  return { ok: true, renames };
}

/** Maps `from`'s tables to `to`'s by name (or by a confirmed rename). */
function matchTables(from: Schema, to: Schema, renames: readonly ConfirmedRename[]): Map<TableId, Table> {
  const byKey = new Map(to.tables.map((t) => [tableKey(t), t]));
  const renamed = new Map(renames.filter((r) => !r.from.includes('.') || byKey.has(r.to)).map((r) => [r.from, r.to]));
  const matched = new Map<TableId, Table>();
  for (const t of from.tables) {
    const target = byKey.get(renamed.get(tableKey(t)) ?? tableKey(t));
    if (target) matched.set(t.id, target);
  }
  return matched;
}

/** Maps the columns of a matched table by name (or by a confirmed `table.column` rename). */
function matchColumns(from: Table, to: Table, renames: readonly ConfirmedRename[]): Map<ColumnId, Column> {
  const byName = new Map(to.columns.map((c) => [c.name, c]));
  const prefix = `${tableKey(from)}.`;
  const renamed = new Map(
    renames.filter((r) => r.from.startsWith(prefix)).map((r) => [r.from.slice(prefix.length), r.to.slice(r.to.lastIndexOf('.') + 1)]),
  );
  const matched = new Map<ColumnId, Column>();
  for (const c of from.columns) {
    const target = byName.get(renamed.get(c.name) ?? c.name);
    if (target) matched.set(c.id, target);
  }
  return matched;
}

/** What a relationship links, in ids of `to`: the same foreign key (child, columns, parent) or the same junction. */
function linkKey(schema: Schema, rel: Relationship, columnId: (id: ColumnId) => string, tableId: (id: TableId) => string): string | null {
  const resolved = resolveAll(schema).find((r) => r.relationship.id === rel.id);
  if (!resolved || resolved.kind === 'invalid') return null;
  if (resolved.kind === 'manyToMany') return `m2m ${[tableId(resolved.from.id), tableId(resolved.to.id)].sort().join(' ')}`;
  return `fk ${tableId(resolved.child.id)} ${resolved.columns.map((c) => columnId(c.id)).join(',')} -> ${tableId(resolved.parent.id)}`;
}

/**
 * `from` with its ids replaced by `to`'s wherever names agree (tables by schema and name, columns by
 * name in a matched table, relationships by the foreign key or junction they make, checks, indexes and
 * enums by name), for two schemas from different places (two SQL files; a dump of production against
 * the design). After it, `diffSchemas` matches by id as it does for versions of one document; what
 * still differs is an addition, a removal or a rename to confirm (`proposedRenames`).
 */
export function alignByName(from: Schema, to: Schema, renames: readonly ConfirmedRename[] = []): Schema {
  const tables = matchTables(from, to, renames);
  const columns = new Map<ColumnId, ColumnId>();
  for (const t of from.tables) {
    const target = tables.get(t.id);
    if (target) for (const [id, c] of matchColumns(t, target, renames)) columns.set(id, c.id);
  }
  const tableId = (id: TableId): TableId => tables.get(id)?.id ?? id;
  const columnId = (id: ColumnId): ColumnId => columns.get(id) ?? id;

  const toLinks = new Map<string, RelationshipId>();
  for (const r of to.relationships) {
    const key = linkKey(
      to,
      r,
      (id) => id,
      (id) => id,
    );
    if (key) toLinks.set(key, r.id);
  }
  const toByConstraint = new Map(to.relationships.filter((r) => r.constraintName).map((r) => [r.constraintName!, r.id]));
  const relationshipId = (r: Relationship): RelationshipId =>
    toLinks.get(linkKey(from, r, columnId, tableId) ?? '') ?? (r.constraintName ? toByConstraint.get(r.constraintName) : undefined) ?? r.id;

  const sameName = <T extends { id: string; name: string }>(mine: readonly T[], theirs: readonly T[]) => {
    const byName = new Map(theirs.map((x) => [x.name, x.id]));
    return mine.map((x) => ({ ...x, id: (x.name && byName.get(x.name)) || x.id }));
  };
  return {
    ...from,
    tables: from.tables.map((t) => {
      const target = tables.get(t.id);
      return {
        ...t,
        id: tableId(t.id),
        columns: t.columns.map((c) => ({ ...c, id: columnId(c.id) })),
        checks: target ? sameName(t.checks, target.checks) : t.checks,
        indexes: (target ? sameName(t.indexes, target.indexes) : t.indexes).map((i) => ({ ...i, columnIds: i.columnIds.map(columnId) })),
        ...(t.primaryKeyColumnIds ? { primaryKeyColumnIds: t.primaryKeyColumnIds.map(columnId) } : {}),
      };
    }),
    relationships: from.relationships.map((r) => {
      const target = to.relationships.find((x) => x.id === relationshipId(r));
      return {
        ...r,
        id: relationshipId(r),
        from: { ...r.from, tableId: tableId(r.from.tableId) },
        to: { ...r.to, tableId: tableId(r.to.tableId) },
        foreignKeyColumnIds: r.foreignKeyColumnIds.map(columnId),
        ...(r.referencedColumnIds ? { referencedColumnIds: r.referencedColumnIds.map(columnId) } : {}),
        junction: { ...r.junction, columns: target ? sameName(r.junction.columns, target.junction.columns) : r.junction.columns },
      };
    }),
    enums: from.enums.map((e) => ({ ...e, id: to.enums.find((x) => x.name === e.name && x.schemaName === e.schemaName)?.id ?? e.id })),
    ...(from.sqlObjects
      ? {
          sqlObjects: from.sqlObjects.map((o) => ({
            ...o,
            id: to.sqlObjects?.find((x) => x.kind === o.kind && x.name === o.name)?.id ?? o.id,
          })),
        }
      : {}),
  };
}
