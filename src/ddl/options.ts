import type { SqlObjectKind } from '../model/index.ts';

/** What a migration author can ask of the DDL. */
export interface DdlOptions {
  /** Wrap the script in BEGIN / COMMIT so it applies whole or not at all. */
  wrapInTransaction: boolean;
  /** Make the script re-runnable: IF NOT EXISTS where PostgreSQL has it, guarded blocks where it does not. */
  ifNotExists: boolean;
  /** Put every table and type into this one schema instead of each table's own; null keeps them. */
  schemaName: string | null;
  /** Append the objects kept as SQL text (views, functions, triggers... from an import); absent means yes. */
  includeSqlObjects?: boolean;
  /** Of those, only these kinds (absent: every kind); the proofs take just what tables need, `kindsTablesNeed`. */
  sqlObjectKinds?: readonly SqlObjectKind[];
  /** Extensions PostgreSQL lacked at import become their stand-in types (`SqlObject.standIn`), others nothing: for proofs only. */
  extensionStandIns?: boolean;
  /** With `extensionStandIns`: extensions the database can create (pg_available_extensions), created instead of standing in. */
  creatableExtensions?: readonly string[];
}

/** What the IF NOT EXISTS option does and does not do, said the same way in the DDL tab and the command line. */
export const ifNotExistsMeaning =
  'IF NOT EXISTS makes the script re-runnable on the same version, not a migration: a table that already exists is skipped as a whole, without comparing it, so a column added since never arrives. For changes, use erd diff (migrations).';

/** Plain DDL for an empty database: what the proofs run. */
export const defaultDdlOptions: DdlOptions = { wrapInTransaction: false, ifNotExists: false, schemaName: null };

/**
 * Kept objects a table can depend on (a schema holding no table, a column's collation, domain,
 * composite type, sequence default, or a type of an extension, as its stand-in): the proofs create these and leave out the rest (views, triggers...), which are not what they check.
 */
export const kindsTablesNeed: readonly SqlObjectKind[] = ['schema', 'extension', 'collation', 'domain', 'type', 'sequence'];
