import { PostgresConnectError, postgresTarget, privilegedRoleRisk, type PostgresTarget } from '../db/index.ts';
import { intoOneSchema } from '../ddl/intoOneSchema.ts';
import { validateSchema, type Schema, type SqlRunner } from '../model/index.ts';
import { leftBehind, serverObjects, type LeftBehind } from '../proof/index.ts';
import type { CliIo } from './main.ts';

/** On a server, PostgreSQL cancels any one statement of a proof that runs longer than this (below connectPostgres's limit on a server that stops answering). */
export const statementTimeoutMs = 30_000;

/** The server a `--database-url` names, or undefined after saying on stderr that it is not a postgres:// URL. */
export function serverTarget(url: string, io: CliIo): PostgresTarget | undefined {
  const target = postgresTarget(url);
  if (!target) io.stderr('erd: --database-url must be a postgres:// URL, such as postgres://USER:PASSWORD@HOST:5432/DATABASE\n');
  return target;
}

/**
 * Errors that only moving everything into one schema causes (`app.users` and `public.users`): proving
 * the merged schema would prove something other than the drawing, so these stop the run instead.
 */
export function collisions(schema: Schema, schemaName: string): string[] {
  const drawn = new Set(validateSchema(schema).map((p) => p.message));
  return validateSchema(intoOneSchema(schema, schemaName))
    .filter((p) => p.severity === 'error' && !drawn.has(p.message))
    .map((p) => lowerFirst(p.message));
}

/** What a run on a server gave: the body's value, what the check afterwards found, and where it ran. */
export interface ServerRun<T> {
  value: T;
  left: LeftBehind;
  version: string;
  target: PostgresTarget;
}

/**
 * Connects, refuses a privileged role (unless allowed), notes every object on the server, runs `body`
 * (which works in its throwaway schema inside a transaction it rolls back) and looks again. An exit code
 * instead when the server cannot be reached, the role is refused or the connection broke (said on stderr).
 */
export async function runOnServer<T>(
  url: string,
  target: PostgresTarget,
  io: CliIo,
  { allowPrivilegedRole, sqlFrom, schemaName }: { allowPrivilegedRole: boolean; sqlFrom: string; schemaName: string },
  body: (runner: SqlRunner) => Promise<T>,
): Promise<ServerRun<T> | { exitCode: number }> {
  let connection;
  try {
    connection = await io.connectDatabase(url);
  } catch (error) {
    if (!(error instanceof PostgresConnectError)) throw error;
    io.stderr(`erd: cannot connect to ${target.display}: ${error.message}\n`);
    return { exitCode: 2 };
  }
  try {
    const risk = await privilegedRoleRisk(connection.runner);
    if (risk && !allowPrivilegedRole) {
      io.stderr(
        `erd: will not prove on ${target.display} as this role: ${risk}, so SQL in ${sqlFrom} (a function a CHECK calls, say) could run programs or touch files on the server's machine, which no rollback undoes. Connect as an ordinary role that may create a schema (CREATE ROLE erd_prover LOGIN; GRANT CREATE ON DATABASE ... TO erd_prover), or pass --allow-privileged-role for ${sqlFrom === 'the document' ? 'a document' : 'documents'} you trust\n`,
      );
      return { exitCode: 2 };
    }
    try {
      const before = await serverObjects(connection.runner);
      const value = await body(connection.runner);
      const left = await leftBehind(connection.runner, before, schemaName);
      return { value, left, version: connection.version, target };
    } catch (error) {
      // Not a verdict (those are in the report): the connection broke, so the server rolled back on its own.
      io.stderr(`erd: the proof on ${target.display} stopped: ${firstLine(error)}\n`);
      return { exitCode: 2 };
    }
  } finally {
    await connection.close();
  }
}

/** Whether the check afterwards found the server as it was. */
export const isClean = (left: LeftBehind) => left.schemaGone && left.added.length === 0 && left.removed.length === 0;

/** The closing lines of a report: where it ran, and what the check afterwards found. */
export function describeServerRun(run: ServerRun<unknown>, verb: string, schemaName: string): string {
  const { target, version, left } = run;
  const where = `${target.host}:${target.port}/${target.database}`;
  return `${verb} on PostgreSQL ${version} at ${where}, in schema ${schemaName}, rolled back.\n${describeLeftBehind(left, schemaName)}\n`;
}

/** What the check after the proof found, in a sentence or two. */
function describeLeftBehind(left: LeftBehind, schemaName: string): string {
  const lines: string[] = [];
  lines.push(
    left.schemaGone ? `Checked afterwards: schema ${schemaName} is gone` : `WARNING: schema ${schemaName} is still on the server; drop it`,
  );
  if (left.added.length === 0 && left.removed.length === 0)
    lines[0] += ', and no schema, table, view, type or function outside it appeared or disappeared.';
  else {
    lines[0] += '.';
    lines.push(`WARNING: while the proof ran, objects outside its schema changed (another session, or the proof, did this; check them):`);
    for (const o of left.added) lines.push(`  added    ${o}`);
    for (const o of left.removed) lines.push(`  removed  ${o}`);
  }
  return lines.join('\n');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
