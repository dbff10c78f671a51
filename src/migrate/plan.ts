import { qualifiedName, defaultDdlOptions } from '../ddl/index.ts';
import type { ColumnId, RelationshipId, TableId } from '../model/index.ts';
import type { DatabaseObjects, DbTable } from './databaseObjects.ts';
import type { MigrationStep } from './migration.ts';

/**
 * The order PostgreSQL accepts: what depends on something goes before it when dropping (triggers, foreign
 * keys, keys, tables, columns) and after it when making (types, tables, columns, keys, then the foreign keys that use them).
 */
export const phaseOrder = [
  'dropKeptTriggers',
  'dropViews',
  'dropTriggers',
  'dropForeignKeys',
  'dropConstraints',
  'dropTables',
  'dropColumns',
  'dropRoutines',
  'createSchemas',
  'createKeptTypes',
  'enums',
  'createRoutines',
  'renames',
  'renameConstraints',
  'replaceTypes',
  'alterColumns',
  'createTables',
  'addColumns',
  'createRoutinesOnTables',
  'setNotNull',
  'addKeys',
  'addForeignKeys',
  'addChecks',
  'createTriggers',
  'comments',
  'createViews',
  'createKeptTriggers',
  'dropTypes',
  'dropKeptTypes',
  'dropSchemas',
] as const;

/** One stage of a migration, in `phaseOrder`. */
export type Phase = (typeof phaseOrder)[number];

/** What a migration's reader asks of it. */
export interface DiffOptions {
  /** For proofs in PGlite: a new kept extension PostgreSQL lacks becomes its stand-in types (`SqlObject.standIn`), as generateDdl's option does. */
  extensionStandIns?: boolean;
}

/** A migration being planned: the two sides, what was asked, and the steps of each phase so far. */
export interface Plan {
  from: DatabaseObjects;
  to: DatabaseObjects;
  options: DiffOptions;
  /** Columns dropped and added again (a generated expression changed): what uses them is made again too. */
  replaced: ReadonlySet<string>;
  phases: Record<Phase, MigrationStep[]>;
}

/** A table as SQL refers to it. */
export function tableRef(table: Pick<DbTable, 'schemaName' | 'name'>): string {
  return qualifiedName(table.schemaName, table.name, defaultDdlOptions);
}

/** What a step on this table (and column) changes, by id: a table id, or the relationship of a junction table. */
export function idsOf(tableKey: string, columnKey?: string): Pick<MigrationStep, 'tableId' | 'relationshipId' | 'columnId'> {
  const junction = tableKey.startsWith('junction:');
  return {
    ...(junction ? { relationshipId: tableKey.slice('junction:'.length) as RelationshipId } : { tableId: tableKey as TableId }),
    ...(columnKey && !columnKey.startsWith('junction:') ? { columnId: columnKey as ColumnId } : {}),
  };
}

/** The tables both sides have, as [before, after]. */
export function keptTables(plan: Plan): [DbTable, DbTable][] {
  return [...plan.to.tables.values()].flatMap((t): [DbTable, DbTable][] => {
    const before = plan.from.tables.get(t.key);
    return before ? [[before, t]] : [];
  });
}
