import { isEffectivelyNotNull, resolveAll, type Relationship, type Schema, type TableId } from '../model/index.ts';
import type { Statement } from '../ddl/index.ts';

/** The owner key of statements that belong to no table or relationship: types, schemas, settings, kept objects. */
export const globalKey = 'global';
/** Owner keys of a relationship's statements start with this, then its id; a table's key is its id. */
export const relationshipPrefix = 'relationship:';

/**
 * Groups a DDL's statements by what they build: a statement belongs to its relationship if it has one,
 * else to its table, else to the whole schema (`globalKey`). Notes are left out: they build nothing.
 */
export function groupByOwner(statements: readonly Statement[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const s of statements) {
    if (s.kind === 'note') continue;
    const key = s.relationshipId ? relationshipPrefix + s.relationshipId : (s.tableId ?? globalKey);
    const group = groups.get(key);
    if (group) group.push(s.sql);
    else groups.set(key, [s.sql]);
  }
  return groups;
}

/** The two tables a relationship joins. */
export function endsOf(r: Relationship): TableId[] {
  return [r.from.tableId, r.to.tableId];
}

/**
 * Each child table's foreign-key parents, over all the schemas given (a migration reads both). With
 * `mandatoryOnly`, only the parents a sample row of the child must have (a NOT NULL or defaulted key):
 * those a proof's rows are inserted into.
 */
export function parentsByChild(schemas: readonly Schema[], { mandatoryOnly = false } = {}): Map<TableId, TableId[]> {
  const parents = new Map<TableId, TableId[]>();
  for (const schema of schemas) {
    const resolved = resolveAll(schema);
    for (const r of resolved) {
      if (r.kind !== 'oneToMany' && r.kind !== 'oneToOne') continue;
      if (mandatoryOnly && !r.columns.some((c) => c.defaultValue !== null || isEffectivelyNotNull(c, resolved))) continue;
      parents.set(r.child.id, [...(parents.get(r.child.id) ?? []), r.parent.id]);
    }
  }
  return parents;
}

/** Adds to `scope`, transitively, every table a table in it references by foreign key. */
export function closeOverParents(scope: Set<TableId>, parents: ReadonlyMap<TableId, readonly TableId[]>): void {
  const todo = [...scope];
  while (todo.length > 0)
    for (const parent of parents.get(todo.pop()!) ?? [])
      if (!scope.has(parent)) {
        scope.add(parent);
        todo.push(parent);
      }
}
