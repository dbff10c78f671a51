import { checkInvariants, type Relationship, type Schema, type Table } from '../model/index.ts';

/**
 * Whether a schema is still whole after a change, checking only what the change could break: when
 * `before` held the invariants, a problem can only sit in a changed table or relationship, or in a
 * relationship touching a table that changed or went (an index names its own table's columns, a
 * relationship its two tables' and, through a shared key column, those of relationships on the same
 * child, so a relationship gone widens the scope too). The tables are told apart by reference, the model being immutable, so a keystroke in a
 * 500-table document checks one table and its relationships instead of all of them. A false answer
 * means "run the whole repair", which finds the same problems a full check would.
 */
export function isStillWhole(before: Schema, after: Schema): boolean {
  if (before === after) return true;
  const scope = new Set<string>();
  const previousTables = new Map(before.tables.map((t) => [t.id as string, t]));
  for (const table of after.tables) {
    if (previousTables.get(table.id) !== table) scope.add(table.id);
    previousTables.delete(table.id);
  }
  for (const id of previousTables.keys()) scope.add(id);
  const previousRelationships = new Map(before.relationships.map((r) => [r.id as string, r]));
  const changed = new Set<Relationship>();
  for (const rel of after.relationships) {
    const old = previousRelationships.get(rel.id);
    previousRelationships.delete(rel.id);
    if (old === rel) continue;
    changed.add(rel);
    for (const r of old ? [old, rel] : [rel]) scope.add(r.from.tableId).add(r.to.tableId);
  }
  // A relationship gone may have shared a key column with one still there, whose key types are then checked again.
  for (const gone of previousRelationships.values()) scope.add(gone.from.tableId).add(gone.to.tableId);
  if (scope.size === 0 && changed.size === 0) return after.enums === before.enums && after.sqlObjects === before.sqlObjects;
  const relationships = after.relationships.filter((r) => changed.has(r) || scope.has(r.from.tableId) || scope.has(r.to.tableId));
  const needed = new Set([...scope, ...relationships.flatMap((r) => [r.from.tableId, r.to.tableId])]);
  const tables: Table[] = after.tables.filter((t) => needed.has(t.id));
  return checkInvariants({ ...after, tables, relationships, enums: [], sqlObjects: [] }).length === 0;
}
