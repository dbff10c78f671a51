import { asSqlError, failedStatementIndex, type Problem, type Schema, type SqlError, type SqlRunner } from '../model/index.ts';
import { defaultDdlOptions, generateDdl, objectsTablesNeed, quoteIdent, type Statement } from '../ddl/index.ts';
import { intoOneSchema } from '../ddl/intoOneSchema.ts';

/** Scratch schema a run builds inside its own transaction; it never outlives the run. */
export const scratchSchemaName = 'erd_proof';

/** Where a run happens: for a shared server, a fresh schema holding everything, and a time limit. */
export interface ScratchOptions {
  /**
   * Moves every table and type into this schema, which the DDL creates and every statement names, so
   * nothing can meet an existing object; null runs the DDL as drawn, with `erd_proof` first on the search path.
   */
  schemaName?: string | null;
  /** Cancels any one statement running longer than this (SET LOCAL statement_timeout); null for no limit. */
  statementTimeoutMs?: number | null;
  /** The statements to run of those generated (an incremental proof builds only the tables it proves); the body still gets them all. */
  only?: (statements: readonly Statement[]) => readonly Statement[];
  /** The body runs the user's own SQL (the console), which may end the transaction: the body reports that itself. */
  runsUserSql?: boolean;
}

/** What loading a schema's DDL gave: the model's problems, the statement PostgreSQL refused, or the body's value. */
export interface Loaded<T> {
  problems: Problem[];
  ddlError?: { statement: Statement; error: SqlError };
  value?: T;
}

/**
 * Runs `body` with the schema's DDL loaded, inside one transaction that is always rolled back: the
 * proof, the step-through and the SQL console see the same tables and leave nothing. `body` gets the
 * statements and the schema as loaded (moved into `schemaName` when one is given), and may use the
 * savepoint `ddl`, taken before the DDL.
 */
export async function withSchemaLoaded<T>(
  db: SqlRunner,
  drawn: Schema,
  body: (statements: readonly Statement[], schema: Schema) => Promise<T>,
  { schemaName = null, statementTimeoutMs = null, runsUserSql = false, only }: ScratchOptions = {},
): Promise<Loaded<T>> {
  const creatableExtensions = await availableExtensions(db, drawn);
  // Of the kept objects, those the tables need: types, domains, sequences, and the functions their CHECKs and defaults call.
  const proved = { ...drawn, sqlObjects: objectsTablesNeed(drawn) };
  const { statements, problems } = generateDdl(proved, { ...defaultDdlOptions, schemaName, extensionStandIns: true, creatableExtensions });
  if (problems.some((p) => p.severity === 'error')) return { problems };
  await db.exec('BEGIN');
  const transaction = await currentTransaction(db);
  try {
    const timeout = statementTimeoutMs === null ? [] : [`SET LOCAL statement_timeout = ${Math.ceil(statementTimeoutMs)}`];
    const scratch =
      schemaName === null
        ? [`CREATE SCHEMA ${scratchSchemaName}`, `SET LOCAL search_path TO ${searchPath(scratchSchemaName, drawn)}`]
        : // On a server only its own schema: an unqualified name in kept SQL must not reach the server's tables.
          [`SET LOCAL search_path TO ${quoteIdent(schemaName)}`];
    await db.execEach([...timeout, ...scratch, 'SAVEPOINT ddl']);
    const ddlError = await runDdl(
      db,
      (only ? only(statements) : statements).filter((s) => s.kind !== 'note'),
    );
    if (ddlError) return { problems, ddlError };
    const value = await body(statements, schemaName === null ? drawn : intoOneSchema(drawn, schemaName));
    if (!runsUserSql) await requireSameTransaction(db, transaction);
    return { problems, value };
  } finally {
    await db.exec('ROLLBACK');
  }
}

/** The id of the transaction the session is in (a new one each statement once a COMMIT ended the run's own). */
export async function currentTransaction(db: SqlRunner): Promise<string> {
  const { rows } = await db.query('SELECT pg_current_xact_id()::text AS xid');
  return String(rows[0]?.xid);
}

/** Thrown when the run's transaction ended before its ROLLBACK: then what it did may have stayed, and no verdict holds. */
export class TransactionEscapedError extends Error {
  override name = 'TransactionEscapedError';
}

/**
 * Every statement of a run must have happened in the one transaction its ROLLBACK undoes. One statement
 * per message already keeps a COMMIT out of the document's SQL; this checks it, so a proof never reports
 * a verdict over changes that stayed.
 */
async function requireSameTransaction(db: SqlRunner, transaction: string): Promise<void> {
  const now = await currentTransaction(db).catch((error: unknown) => {
    // An aborted transaction is still the run's own.
    if (requireSqlError(error).code === '25P02') return transaction;
    throw error;
  });
  if (now !== transaction)
    throw new TransactionEscapedError(
      `the run's transaction ${transaction} ended before its ROLLBACK (now in ${now}): what it did may have stayed`,
    );
}

/**
 * The extensions this database can create, asked only when the schema keeps some (PGlite lists just
 * those it was started with). One a server already has stays out: created elsewhere, its types would
 * not be on the proof's search path, so its stand-in (if any) serves, as before.
 */
/** The extensions this database can create that the schema keeps (the others become their stand-ins). */
export async function availableExtensions(db: SqlRunner, schema: Schema): Promise<string[]> {
  if (!schema.sqlObjects?.some((o) => o.kind === 'extension')) return [];
  const { rows } = await db.query('SELECT name FROM pg_catalog.pg_available_extensions WHERE installed_version IS NULL');
  return rows.map((r) => String((r as { name: unknown }).name));
}

/**
 * The run's own schema first (unqualified tables go there), then the schemas the tables live in and public:
 * an imported CHECK or default names a kept function as the import's search path saw it (`ok(c)` for `public.ok`).
 */
function searchPath(own: string, schema: Schema): string {
  return [...new Set([own, ...schema.tables.map((t) => t.schemaName), 'public'])].map(quoteIdent).join(', ');
}

/** Runs the DDL one statement per message; the first statement PostgreSQL refuses is reported with its own error. */
async function runDdl(db: SqlRunner, statements: readonly Statement[]): Promise<Loaded<never>['ddlError']> {
  try {
    await db.execEach(statements.map((s) => s.sql));
    return undefined;
  } catch (error) {
    const sqlError = requireSqlError(error);
    return { statement: statements[failedStatementIndex(error) ?? 0]!, error: sqlError };
  }
}

/** Anything but a PostgreSQL error (a dead connection, a bug) is not an outcome: let it surface. */
export function requireSqlError(error: unknown): SqlError {
  const sqlError = asSqlError(error);
  if (!sqlError) throw error;
  return sqlError;
}
