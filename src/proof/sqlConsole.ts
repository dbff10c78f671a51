import { parseSql, type ParsedStatement, type Schema, type ScriptRunner, type SqlError, type SqlRunner } from '../model/index.ts';
import type { Statement } from '../ddl/index.ts';
import { buildScenarios } from './buildScenarios.ts';
import { displayValue, type Cell } from './displayValue.ts';
import { currentTransaction, requireSqlError, withSchemaLoaded, type Loaded } from './scratchSchema.ts';

/** One statement's output in the console: a result grid, or how many rows it changed. */
export interface ConsoleOutput {
  fields: string[];
  rows: Cell[][];
  /** Rows returned in all; only the first `consoleRowLimit` are kept. */
  rowCount: number;
  affectedRows?: number;
}

/** Where an error is in the user's text, 1-based, counted as PostgreSQL counts characters. */
export interface ConsoleError extends SqlError {
  line?: number;
  column?: number;
  /** Which statement of the script failed, 1-based (absent for a syntax error, which stops the whole script before it runs). */
  statementNumber?: number;
}

/** What a console run gave: every statement's output, or the error that stopped it. */
export interface ConsoleRun {
  /** Sample rows loaded before the user's SQL ran: one valid child per relationship, by relationship name. */
  samples: string[];
  outputs: ConsoleOutput[];
  error?: ConsoleError;
  /** The user's SQL ended the run's transaction (a stray COMMIT or ROLLBACK): the database must be replaced. */
  escapedTransaction: boolean;
}

/** A console run, or the model errors / refused DDL statement that kept it from running. */
export type ConsoleResult = Loaded<ConsoleRun>;

/** Rows kept per result grid. */
export const consoleRowLimit = 500;

/**
 * Runs the user's SQL against the current schema with sample rows loaded, inside a transaction that is
 * always rolled back: each run starts from the schema as drawn and leaves nothing behind. The document
 * is never touched; a stray COMMIT can only dirty the console's own database (see `catalogFingerprint`).
 */
export async function runConsole(db: ScriptRunner, schema: Schema, sql: string): Promise<ConsoleResult> {
  return withSchemaLoaded(
    db,
    schema,
    async (statements) => {
      const samples = await loadSamples(db, schema, statements);
      const parsed = parseSql(sql);
      if ('error' in parsed) return { samples, outputs: [], error: locate(syntaxError(parsed.error, sql), sql), escapedTransaction: false };
      const transaction = await currentTransaction(db);
      const outputs: ConsoleOutput[] = [];
      for (const [index, statement] of parsed.statements.entries()) {
        const refusal = refuseServerSide(statement);
        if (refusal)
          return {
            samples,
            outputs,
            error: { ...locate(inScript(refusal, statement, sql), sql), statementNumber: index + 1 },
            escapedTransaction: false,
          };
        try {
          outputs.push(toOutput(await db.statement(statement.text)));
        } catch (error) {
          const sqlError = requireSqlError(error);
          const failure = { ...locate(inScript(sqlError, statement, sql), sql), statementNumber: index + 1 };
          // After an error the run's own transaction is aborted (25P02 on any query); anything else means it was left.
          const after = await currentTransaction(db).catch((e: unknown) => (requireSqlError(e).code === '25P02' ? transaction : 'unknown'));
          return { samples, outputs, error: failure, escapedTransaction: after !== transaction };
        }
      }
      return { samples, outputs, escapedTransaction: (await currentTransaction(db)) !== transaction };
    },
    { runsUserSql: true },
  );
}

/** Characters as PostgreSQL counts them (code points) in the first `offset` UTF-16 units of the text, plus one: a 1-based position. */
function positionAt(sql: string, offset: number): number {
  return Array.from(sql.slice(0, offset)).length + 1;
}

/** PostgreSQL's syntax error as an error of the whole script, placed where the parser stopped. */
function syntaxError(error: { message: string; offset: number }, sql: string): SqlError {
  return { code: '42601', message: error.message, ...(error.offset >= 0 ? { position: positionAt(sql, error.offset) } : {}) };
}

/** A statement's error, its position moved from the statement to the whole script (the statement's start when it has none). */
function inScript(error: SqlError, statement: ParsedStatement, sql: string): SqlError {
  const start = positionAt(sql, statement.offset);
  return { ...error, position: error.position ? start + error.position - 1 : start };
}

/**
 * COPY to or from a program or a file runs on the database server's own machine; the browser's
 * PostgreSQL has none, and it would report "0 rows" as if it had worked.
 */
function refuseServerSide(statement: ParsedStatement): SqlError | undefined {
  if (statement.kind !== 'CopyStmt' || (!statement.node.is_program && statement.node.filename === undefined)) return undefined;
  const what = statement.node.is_program ? 'a program' : 'a file';
  return {
    code: '0A000',
    message: `COPY ${statement.node.is_from ? 'FROM' : 'TO'} ${what} runs on the database server's machine, and the console's PostgreSQL runs in your browser, which has neither; use INSERT or SELECT instead`,
  };
}

/** Inserts each relationship's valid child (with its parents), each in a savepoint; rows that cannot be built are skipped. */
async function loadSamples(db: SqlRunner, schema: Schema, statements: readonly Statement[]): Promise<string[]> {
  const loaded: string[] = [];
  for (const scenario of buildScenarios(schema, statements, undefined, { continuousNumbers: true })) {
    if (scenario.kind !== 'validChild' || 'notProvable' in scenario) continue;
    await db.exec('SAVEPOINT sample');
    try {
      await db.execEach([...scenario.setup, scenario.test]);
      await db.exec('RELEASE SAVEPOINT sample');
      loaded.push(scenario.title);
    } catch (error) {
      requireSqlError(error);
      await db.exec('ROLLBACK TO SAVEPOINT sample');
    }
  }
  return loaded;
}

function toOutput(result: { fields: string[]; rows: unknown[][]; affectedRows?: number }): ConsoleOutput {
  return {
    fields: result.fields,
    rows: result.rows.slice(0, consoleRowLimit).map((row) => row.map(displayValue)),
    rowCount: result.rows.length,
    ...(result.fields.length === 0 && result.affectedRows !== undefined ? { affectedRows: result.affectedRows } : {}),
  };
}

/** Adds line and column to an error PostgreSQL placed by character offset. */
function locate(error: SqlError, sql: string): ConsoleError {
  if (!error.position) return error;
  const before = Array.from(sql)
    .slice(0, error.position - 1)
    .join('');
  const lines = before.split('\n');
  return { ...error, line: lines.length, column: Array.from(lines.at(-1)!).length + 1 };
}

/** Catalogs whose rows' names are part of the fingerprint (a rename changes it), and those only counted. */
const namedCatalogs = {
  pg_namespace: 'nspname',
  pg_class: "relname || ':' || relnamespace",
  pg_proc: 'proname',
  pg_type: 'typname',
  pg_authid: "rolname || ':' || rolsuper",
  pg_database: 'datname',
};
const countedCatalogs = ['pg_attribute', 'pg_constraint', 'pg_trigger', 'pg_extension', 'pg_db_role_setting', 'pg_attrdef'];

/**
 * A digest of what a session could have changed for good (objects and their names, roles, databases):
 * the same before and after a console run unless the user's SQL committed something, and then the
 * console's database is replaced. A second line of defence behind `escapedTransaction`.
 */
export async function catalogFingerprint(db: SqlRunner): Promise<string> {
  const named = Object.entries(namedCatalogs).map(
    ([table, name]) => `(SELECT string_agg(oid::text || ':' || ${name}, ',' ORDER BY oid) FROM pg_catalog.${table})`,
  );
  const counted = countedCatalogs.map((table) => `(SELECT count(*) FROM pg_catalog.${table})`);
  const { rows } = await db.query(`SELECT md5(concat_ws('|', ${[...named, ...counted].join(', ')})) AS fingerprint`);
  return String(rows[0]?.fingerprint);
}
