/** The database objects a schema's DDL makes, as comparable data keyed by id. */
import type { Column, GeneratedColumn, IdentityOptions, Problem, SqlObject } from '../model/index.ts';

/** A column as the generator makes it, keyed by its id (a junction's key columns by relationship, side and referenced column). */
export interface DbColumn {
  key: string;
  name: string;
  /** The type as written, for ALTER COLUMN ... TYPE. */
  type: string;
  /** What the type means, comparable across renames: `enum:<id>` (with `[]` for arrays) or the type text in lower case. */
  typeKey: string;
  /** `COLLATE ...` text, or '' for the type's default. */
  collation: string;
  /** NOT NULL as the catalog has it: primary-key and identity columns are NOT NULL too. */
  notNull: boolean;
  defaultValue: string | null;
  identity: Column['identity'];
  identityOptions?: IdentityOptions;
  generated?: GeneratedColumn;
  comment: string;
  /** The column's definition for ADD COLUMN, with and without its NOT NULL. */
  definition: string;
  nullableDefinition: string;
}

/** A table or a junction table, keyed by table id or `junction:<relationship id>`. */
export interface DbTable {
  key: string;
  schemaName: string;
  name: string;
  comment: string;
  columns: DbColumn[];
  /** The generator's CREATE TABLE, with its primary key, UNIQUE columns and CHECKs inline. */
  createSql: string;
}

/** A constraint or index on one table, keyed stably (what it implements), named as the generator names it. */
export interface DbConstraint {
  key: string;
  tableKey: string;
  kind: 'primaryKey' | 'unique' | 'check' | 'foreignKey' | 'index' | 'uniqueIndex';
  name: string;
  /** Column keys, in key order. */
  columns: string[];
  expression?: string;
  references?: { tableKey: string; columns: string[] };
  /** ON DELETE / ON UPDATE / DEFERRABLE / NOT VALID, as one comparable text. */
  clauses?: string;
  /** Made by the table's CREATE TABLE; `definition` is what follows `CONSTRAINT name`. */
  inline: boolean;
  definition?: string;
  /** The generator's own statement for constraints made apart from CREATE TABLE. */
  sql?: string;
  /** The relationship it implements, if any. */
  relationshipId?: string;
}

/** A mandatory-child constraint trigger and its function, keyed by its relationship and name (a name can pass to another relationship). */
export interface DbTrigger {
  key: string;
  name: string;
  relationshipId: string;
  /** The table the trigger is on, and the function, as SQL references (for DROP). */
  tableRef: string;
  functionRef: string;
  functionSql: string;
  triggerSql: string;
}

/** An enum type with its labels in order. */
export interface DbEnum {
  key: string;
  schemaName: string;
  name: string;
  values: string[];
  createSql: string;
}

/** Everything the generator makes for a schema, keyed so that two versions of a document line up by id. */
export interface DatabaseObjects {
  tables: Map<string, DbTable>;
  constraints: Map<string, DbConstraint>;
  triggers: Map<string, DbTrigger>;
  enums: Map<string, DbEnum>;
  /** Kept views, materialized views and indexes, in kept order: a migration remakes them when they change or around changes to what they read. */
  keptViews: SqlObject[];
  /** Kept objects tables can use (sequences, domains, types, collations, extensions, schemas), made before the tables. */
  keptBeforeTables: SqlObject[];
  /** Kept functions, aggregates and procedures, in kept order: made before the tables (their CHECKs and defaults call them), dropped after what uses them. */
  keptRoutines: SqlObject[];
  /** Kept triggers (`name on table`), made last, after the functions they execute and the columns they name. */
  keptTriggers: SqlObject[];
  /** Kept table constraints (`ALTER TABLE … ADD CONSTRAINT`: exclusion constraints, foreign keys no relationship draws), added after the keys. */
  keptConstraints: SqlObject[];
  /** Schemas other than public that the DDL creates. */
  schemaNames: string[];
  problems: Problem[];
}
