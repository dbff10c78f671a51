/** An error PostgreSQL raised, reduced to the fields people read and tests compare. */
export interface SqlError {
  /** SQLSTATE, such as 23505 for a unique violation. */
  code: string;
  message: string;
  detail?: string;
  constraint?: string;
  table?: string;
  /** 1-based character offset into the statement, when PostgreSQL gives one. */
  position?: number;
}

/** Rows returned by a query, as column-name-keyed objects. */
export interface QueryResult {
  rows: Record<string, unknown>[];
  fields: string[];
}

/**
 * What the proof runner needs from a database: PGlite in Node, PGlite in a worker, or a real server.
 * Every call sends exactly one statement in its own extended-protocol message, so PostgreSQL refuses
 * a text holding two ("cannot insert multiple commands into a prepared statement"): no `COMMIT` or
 * `DROP` riding in a document's SQL can end the transaction a proof relies on. Scripts are split into
 * statements by PostgreSQL's parser (`parseSql`) first. Implementations throw `SqlError`-shaped
 * errors (see `asSqlError`).
 */
export interface SqlRunner {
  /** Runs one statement, discarding its result. */
  exec(sql: string): Promise<void>;
  /** Runs one statement and returns its rows. */
  query(sql: string): Promise<QueryResult>;
  /**
   * Runs statements in order, each in its own message (PGlite pipelines them in one call); stops at
   * the first PostgreSQL refuses and rejects with its error, `statementIndex` saying which (0-based).
   */
  execEach(statements: readonly string[]): Promise<void>;
  /**
   * Runs groups of statements in one round trip where the database allows it (PGlite): a refused
   * statement ends only its own group. Absent, callers send the groups one by one.
   */
  execGroups?(groups: readonly (readonly string[])[]): Promise<GroupOutcome[]>;
}

/** How one group of `execGroups` went: the error and index of its refused statement, if any, and its last query's rows (text). */
export interface GroupOutcome {
  error?: unknown;
  failedAt?: number;
  rows: (string | null)[][];
}

/** One statement's result: its columns and rows (row values in column order), or the rows it changed. */
export interface StatementResult {
  fields: string[];
  rows: unknown[][];
  affectedRows?: number;
}

/** A runner that also returns a statement's rows as arrays and the rows it changed: what the SQL console needs. */
export interface ScriptRunner extends SqlRunner {
  statement(sql: string): Promise<StatementResult>;
}

/** `execEach` for a runner that sends one statement per round trip: the first PostgreSQL refuses rejects, its index attached. */
export async function execOneByOne(exec: (sql: string) => Promise<void>, statements: readonly string[]): Promise<void> {
  for (const [statementIndex, sql] of statements.entries()) {
    try {
      await exec(sql);
    } catch (error) {
      throw typeof error === 'object' && error !== null ? Object.assign(error, { statementIndex }) : error;
    }
  }
}

/** Which statement of an `execEach` PostgreSQL refused (0-based), or undefined. */
export function failedStatementIndex(error: unknown): number | undefined {
  const index = (error as { statementIndex?: unknown } | null)?.statementIndex;
  return typeof index === 'number' ? index : undefined;
}

/** The `SqlError` in anything thrown by a driver, or undefined when it is not a PostgreSQL error. */
export function asSqlError(error: unknown): SqlError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as Record<string, unknown>;
  if (typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code) || typeof e.message !== 'string') return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const position = Number(e.position);
  return {
    code: e.code,
    message: e.message,
    ...(text(e.detail) ? { detail: text(e.detail) } : {}),
    ...(text(e.constraint) ? { constraint: text(e.constraint) } : {}),
    ...(text(e.table) ? { table: text(e.table) } : {}),
    ...(Number.isFinite(position) && position > 0 ? { position } : {}),
  };
}
