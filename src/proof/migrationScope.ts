import type { RelationshipId, Schema, TableId } from '../model/index.ts';
import { sqlObjectPlacement, type Statement } from '../ddl/index.ts';
import { closeOverParents, endsOf, globalKey, groupByOwner, parentsByChild, relationshipPrefix } from './statementOwners.ts';

/** The part of two schemas a migration proof builds: every table whose DDL differs, and what those need. */
export interface MigrationScope {
  /** The tables built (by id, in either schema), or every table. */
  tableIds: ReadonlySet<TableId> | 'all';
  /** The relationships whose proofs the migration can change: their DDL or a table at their ends changed. */
  changedRelationshipIds: ReadonlySet<RelationshipId> | 'all';
  /** Why every table is built, when it is. */
  whyAll?: string;
  /** Tables and relationships of the new schema left out, for the report. */
  leftOut: { tables: number; relationships: number };
}

/** Below this many tables, or when the changed part reaches this share of the schema, the whole schema is built. */
const smallSchema = 60;
const largeShare = 0.6;

/**
 * Which tables a migration proof must build, read from the two schemas' own DDL, never from the diff under
 * proof: a table or relationship whose statements differ between the old and the new DDL is in, with every
 * table a relationship joins to a changed one (what a step on a changed table can reach: its children's
 * foreign keys, its junction tables, the triggers of a mandatory end) and the tables all of those reference
 * (foreign-key parents, transitively, in both schemas) so they can be built and given rows. A table left out
 * has the same statements before and after and no relationship to a changed table; a migration that touches
 * it anyway fails its proof (the table is not there), so leaving it out can turn a wrong pass into a failure
 * but never a failure into a pass. Types, schemas and kept objects that other
 * statements may depend on (views, functions, triggers kept as text) make the whole schema in.
 */
export function migrationScope(
  from: Schema,
  to: Schema,
  oldStatements: readonly Statement[],
  newStatements: readonly Statement[],
): MigrationScope {
  const all = (whyAll: string): MigrationScope => ({
    tableIds: 'all',
    changedRelationshipIds: 'all',
    whyAll,
    leftOut: { tables: 0, relationships: 0 },
  });
  if (to.tables.length < smallSchema) return all('a small schema is built whole');
  const keptAfterTables = [...(from.sqlObjects ?? []), ...(to.sqlObjects ?? [])].some(
    (o) => sqlObjectPlacement[o.kind].phase === 'afterTables',
  );
  if (keptAfterTables) return all('kept views, functions or triggers may depend on any table');
  const [before, after] = [groupByOwner(oldStatements), groupByOwner(newStatements)];
  const changed = new Set([...before.keys(), ...after.keys()].filter((k) => !sameTexts(before.get(k), after.get(k))));
  if (changed.has(globalKey)) return all('types, schemas or settings changed, which any table may use');

  const relationships = [...from.relationships, ...to.relationships];
  const scope = new Set<TableId>();
  for (const key of changed) {
    if (!key.startsWith(relationshipPrefix)) scope.add(key as TableId);
    else for (const r of relationships.filter((r) => relationshipPrefix + r.id === key)) endsOf(r).forEach((t) => scope.add(t));
  }
  const changedTables = new Set(scope);
  const touching = (r: (typeof relationships)[number]) =>
    changed.has(relationshipPrefix + r.id) || endsOf(r).some((t) => changedTables.has(t));
  // A step on a changed table reaches every table joined to it (a key dropped with CASCADE takes its children's
  // foreign keys; a retyped key, its junction tables'): those tables are built too, with what they reference.
  for (const r of relationships.filter(touching)) endsOf(r).forEach((t) => scope.add(t));
  const changedRelationshipIds = new Set(to.relationships.filter(touching).map((r) => r.id));
  closeOverParents(scope, parentsByChild([from, to]));
  if (scope.size >= to.tables.length * largeShare) return all('the migration changes most of the schema');
  const keptRelationships = to.relationships.filter((r) => endsOf(r).every((t) => scope.has(t))).length;
  return {
    tableIds: scope,
    changedRelationshipIds,
    leftOut: {
      tables: to.tables.filter((t) => !scope.has(t.id)).length,
      relationships: to.relationships.length - keptRelationships,
    },
  };
}

/** A schema cut down to the scope's tables and the relationships between them (kept objects and enums whole). */
export function schemaInScope(schema: Schema, scope: MigrationScope): Schema {
  const { tableIds } = scope;
  if (tableIds === 'all') return schema;
  return {
    ...schema,
    tables: schema.tables.filter((t) => tableIds.has(t.id)),
    relationships: schema.relationships.filter((r) => endsOf(r).every((t) => tableIds.has(t))),
  };
}

/** The statements of a schema's DDL that build the scope: those of its tables and relationships, and every one that belongs to neither. */
export function statementsInScope(statements: readonly Statement[], schema: Schema, scope: MigrationScope): Statement[] {
  if (scope.tableIds === 'all') return [...statements];
  const inScope = schemaInScope(schema, scope);
  const tables = new Set(inScope.tables.map((t) => t.id));
  const relationships = new Set(inScope.relationships.map((r) => r.id));
  return statements.filter((s) => (s.relationshipId ? relationships.has(s.relationshipId) : s.tableId ? tables.has(s.tableId) : true));
}

function sameTexts(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((sql, i) => sql === b[i]);
}
