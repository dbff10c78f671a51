import { asSqlError, type Problem, type Schema, type SqlError, type SqlRunner } from '../model/index.ts';
import { generateDdl, type Statement } from '../ddl/index.ts';

/** Scratch schema a run builds inside its own transaction; it never outlives the run. */
export const scratchSchemaName = 'erd_proof';

/** What loading a schema's DDL gave: the model's problems, the statement PostgreSQL refused, or the body's value. */
export interface Loaded<T> {
  problems: Problem[];
  ddlError?: { statement: Statement; error: SqlError };
  value?: T;
}

/**
 * Runs `body` with the schema's DDL loaded in a scratch schema, inside one transaction that is always
 * rolled back: the step-through and the SQL console see the same tables the proof does, and leave nothing.
 */
export async function withSchemaLoaded<T>(db: SqlRunner, schema: Schema, body: (statements: readonly Statement[]) => Promise<T>): Promise<Loaded<T>> {
  const { statements, problems } = generateDdl(schema);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  await db.exec('BEGIN');
  try {
    await db.exec(`CREATE SCHEMA ${scratchSchemaName}; SET LOCAL search_path TO ${scratchSchemaName};`);
    for (const statement of statements) {
      if (statement.kind === 'note') continue;
      try {
        await db.exec(statement.sql);
      } catch (error) {
        return { problems, ddlError: { statement, error: requireSqlError(error) } };
      }
    }
    return { problems, value: await body(statements) };
  } finally {
    await db.exec('ROLLBACK');
  }
}

/** Anything but a PostgreSQL error (a dead connection, a bug) is not an outcome: let it surface. */
export function requireSqlError(error: unknown): SqlError {
  const sqlError = asSqlError(error);
  if (!sqlError) throw error;
  return sqlError;
}
