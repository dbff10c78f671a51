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
 * Implementations throw `SqlError`-shaped errors (see `asSqlError`).
 */
export interface SqlRunner {
  /** Runs one or more statements, discarding results. */
  exec(sql: string): Promise<void>;
  /** Runs one statement and returns its rows. */
  query(sql: string): Promise<QueryResult>;
}

/** One statement's result in a script: its columns and rows (row values in column order), or the rows it changed. */
export interface StatementResult {
  fields: string[];
  rows: unknown[][];
  affectedRows?: number;
}

/** A runner that also returns every statement's result of a script: what the SQL console needs. */
export interface ScriptRunner extends SqlRunner {
  script(sql: string): Promise<StatementResult[]>;
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
