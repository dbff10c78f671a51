import type { ColumnId, NoteId, RelationshipId, TableId, VersionId } from './ids.ts';

/** One column of a table; `type` is PostgreSQL type text such as `integer` or `varchar(80)`. */
export interface Column {
  id: ColumnId;
  name: string;
  type: string;
  isPrimaryKey: boolean;
  isNotNull: boolean;
  isUnique: boolean;
  /** A PostgreSQL expression (`now()`, `'draft'`), or null for no default. */
  defaultValue: string | null;
  /** An identity column (`GENERATED ALWAYS|BY DEFAULT AS IDENTITY`), or null. */
  identity: 'always' | 'byDefault' | null;
  /** COMMENT ON COLUMN text; empty for none. */
  comment: string;
  /** The name of the column's UNIQUE constraint as the database has it; absent for the generator's `t_col_key`. */
  uniqueConstraintName?: string;
  /** A generated column (`GENERATED ALWAYS AS (expression) STORED|VIRTUAL`): PostgreSQL computes it, rows never set it. */
  generated?: GeneratedColumn;
  /** An identity column's sequence options other than PostgreSQL's defaults (START WITH 1000...). */
  identityOptions?: IdentityOptions;
  /** The column's collation (`COLLATE "C"`), by name as PostgreSQL has it; absent for the type's default. */
  collation?: string;
  /** The schema of `collation`; absent for one in pg_catalog (`C`, `en_US.utf8`, `und-x-icu`). */
  collationSchema?: string;
}

/** What a generated column computes, as PostgreSQL text, and whether it is stored or computed on read. */
export interface GeneratedColumn {
  expression: string;
  kind: 'stored' | 'virtual';
}

/** Sequence options of an identity column, as decimal integer text (bigint range); absent = PostgreSQL's default. */
export interface IdentityOptions {
  start?: string;
  increment?: string;
  minValue?: string;
  maxValue?: string;
  cache?: string;
  cycle?: boolean;
}

/** A named CHECK constraint; `expression` is PostgreSQL text such as `price >= 0`. */
export interface CheckConstraint {
  id: string;
  name: string;
  expression: string;
}

/** An extra index on some columns of a table. */
export interface TableIndex {
  id: string;
  /** Empty for a generated name. */
  name: string;
  columnIds: ColumnId[];
  isUnique: boolean;
  /** A UNIQUE constraint (ADD CONSTRAINT ... UNIQUE) rather than a bare unique index, as the database had it. */
  isConstraint?: boolean;
}

/** An enum type (CREATE TYPE ... AS ENUM); columns use it by writing its name as their type. */
export interface EnumType {
  id: string;
  name: string;
  schemaName: string;
  values: string[];
}

/** A table: its columns in display and DDL order. */
export interface Table {
  id: TableId;
  name: string;
  /** The PostgreSQL schema (namespace) the table lives in. */
  schemaName: string;
  /** COMMENT ON TABLE text, such as why the table was split off; empty for none. */
  comment: string;
  columns: Column[];
  checks: CheckConstraint[];
  indexes: TableIndex[];
  /** The primary key constraint's name as the database has it; absent for the generator's `t_pkey`. Kept on a rename, as PostgreSQL keeps it. */
  primaryKeyName?: string;
  /** The primary key's columns in key order (`PRIMARY KEY (b, a)`); absent = the `isPrimaryKey` columns in column order. */
  primaryKeyColumnIds?: ColumnId[];
}

/** How many rows of this end's table relate to one row of the other end's table. */
export interface Cardinality {
  min: 0 | 1;
  max: 1 | 'many';
}

/** One end of a relationship: the table it touches and the crow's-foot cardinality drawn beside it. */
export interface RelationshipEnd extends Cardinality {
  tableId: TableId;
}

/** Which end of a relationship: `from` is where a drag started, `to` where it ended. */
export type EndSide = 'from' | 'to';

/** How a one-to-one is enforced: a UNIQUE foreign key, or the child's primary key doubling as its foreign key. */
export type OneToOneStrategy = 'foreignKeyUnique' | 'sharedPrimaryKey';

/** PostgreSQL's referential actions, written as in SQL, in the order pickers list them: the one list files, imports and editors read. */
export const referentialActions = ['no action', 'restrict', 'cascade', 'set null', 'set default'] as const;

/** One of PostgreSQL's referential actions (ON DELETE / ON UPDATE), written as in SQL. */
export type ReferentialAction = (typeof referentialActions)[number];

/** A relationship is a first-class object: the DDL, the markers, the proofs and the linter all read it. */
export interface Relationship {
  id: RelationshipId;
  /** Optional verb shown on the canvas ("has", "owns"). */
  name: string;
  from: RelationshipEnd;
  to: RelationshipEnd;
  /** The end whose table holds the foreign key (the child). For one-to-many it is always the "many" end. */
  keyHolder: EndSide;
  /** Used when both ends have max 1. */
  oneToOne: OneToOneStrategy;
  /** Columns of the key holder's table that reference the parent's key (`referencedColumnIds`), in that key's order. */
  foreignKeyColumnIds: ColumnId[];
  /** The parent's columns the foreign key references: an alternate key (a UNIQUE set); absent = the parent's primary key. */
  referencedColumnIds?: ColumnId[];
  /** The foreign key constraint's name as the database has it; absent for the generator's `t_col_fkey`. */
  constraintName?: string;
  /** The name of the UNIQUE constraint a 1:1 (foreign key + UNIQUE) adds, as the database has it; absent for the generator's. */
  uniqueConstraintName?: string;
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
  /** The foreign key is DEFERRABLE INITIALLY DEFERRED, so a cycle of mandatory keys can be inserted in one transaction. */
  isDeferrable: boolean;
  /** The foreign key is NOT VALID: enforced for new rows, not checked against the rows already there. Absent = validated. */
  isNotValid?: boolean;
  /** The junction table of a many-to-many: its name (empty for `from_to`) and its own extra columns. */
  junction: { name: string; columns: Column[] };
}

/** Every kind of kept-as-text object: the one list the type, the project file and the importers read. */
export const sqlObjectKinds = [
  'schema',
  'extension',
  'collation',
  'domain',
  'type',
  'sequence',
  'function',
  'aggregate',
  'view',
  'materializedView',
  'index',
  'constraint',
  'trigger',
] as const;

/** What a kept-as-text object is, which also says where the DDL puts it (types before tables, the rest after). */
export type SqlObjectKind = (typeof sqlObjectKinds)[number];

/** A database object the diagram does not draw (a view, a function, a trigger...), kept as its SQL so exported DDL still creates it. */
export interface SqlObject {
  id: string;
  kind: SqlObjectKind;
  /** Qualified display name, such as `public.film_list`. */
  name: string;
  /** One or more complete statements, each ending with a semicolon. */
  sql: string;
  /**
   * For an extension the importing PostgreSQL lacked: statements making text-like stand-ins for the
   * types tables use from it, so a proof can still create those tables. Never in exported DDL.
   */
  standIn?: string;
}

/** The logical schema: what the DDL is generated from. */
export interface Schema {
  tables: Table[];
  relationships: Relationship[];
  enums: EnumType[];
  /** Objects kept as SQL text (from an import); absent when there are none. */
  sqlObjects?: SqlObject[];
}

/** Where a table sits on the canvas. */
export interface Position {
  x: number;
  y: number;
}

/** Layout is kept apart from the schema so that a drag never recomputes DDL or proofs. */
export type Layout = Record<TableId, Position>;

/** A sticky note on the canvas: text for the people reading the diagram, never part of the DDL. */
export interface Note {
  id: NoteId;
  text: string;
  position: Position;
}

/** How a version came to be: made by an import, or marked by the user (Mark as deployed…). */
export type VersionKind = 'imported' | 'marked';

/**
 * A named copy of the schema as it was (imported, or deployed): what a migration starts from. The
 * schema is the same immutable value the editor had (edits make new objects), so keeping one costs
 * nothing until the design moves on; the layout is not versioned.
 */
export interface Version {
  id: VersionId;
  name: string;
  /** When it was made, as an ISO 8601 string (UTC). */
  createdAt: string;
  kind: VersionKind;
  schema: Schema;
}

/** What a project file and the editor hold: the schema, where each table is drawn, notes and named versions. */
export interface ErdDocument {
  schema: Schema;
  layout: Layout;
  /** Absent in documents made before notes existed. */
  notes?: Note[];
  /** Oldest first; absent when there are none (and in documents made before versions existed). */
  versions?: Version[];
}

/** An empty schema. */
export const emptySchema: Schema = { tables: [], relationships: [], enums: [] };

/** The schema tables go in unless the user picks another. */
export const defaultSchemaName = 'public';
