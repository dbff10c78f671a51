import { randomBytes } from 'node:crypto';
import { extensionsSchemaNeeds, PostgresConnectError, postgresTarget, privilegedRoleRisk } from '../db/index.ts';
import { intoOneSchema } from '../ddl/intoOneSchema.ts';
import { validateSchema, type ErdDocument } from '../model/index.ts';
import { leftBehind, runProof, serverObjects, summarize, type LeftBehind, type ProofReport } from '../proof/index.ts';
import { formatProof } from './formatProof.ts';
import type { CliIo } from './main.ts';

/** On a server, PostgreSQL cancels any one statement of the proof that runs longer than this (below connectPostgres's limit on a server that stops answering). */
const statementTimeoutMs = 30_000;

/** `erd prove` in PGlite: prints the report; resolves to the exit code. */
export async function proveInPglite(file: string, document: ErdDocument, json: boolean, io: CliIo): Promise<number> {
  const report = await proveUnlessInvalid(document, async () => {
    const db = await io.openDatabase(extensionsSchemaNeeds(document.schema));
    try {
      return await runProof(db.runner, document.schema);
    } finally {
      await db.close();
    }
  });
  io.stdout(json ? JSON.stringify({ file, summary: summarize(report), ...report }, null, 2) + '\n' : formatProof(report, document));
  return exitCode(report);
}

/** A document with model errors never reaches a database: its report is those errors, and no PostgreSQL is started for it. */
async function proveUnlessInvalid(document: ErdDocument, prove: () => Promise<ProofReport>): Promise<ProofReport> {
  const problems = validateSchema(document.schema);
  return problems.some((p) => p.severity === 'error') ? { problems, results: [] } : prove();
}

/**
 * `erd prove --database-url`: the same proof on a real server, with every table and type moved into a
 * schema of a fresh random name inside one transaction that is always rolled back, so nothing on the
 * server is read, changed or left behind. Exit 2 when the server cannot be reached.
 */
export async function proveOnServer(
  file: string,
  document: ErdDocument,
  url: string,
  json: boolean,
  io: CliIo,
  { allowPrivilegedRole = false } = {},
): Promise<number> {
  const target = postgresTarget(url);
  if (!target) {
    io.stderr('erd: --database-url must be a postgres:// URL, such as postgres://USER:PASSWORD@HOST:5432/DATABASE\n');
    return 2;
  }
  const schemaName = `erd_proof_${randomBytes(8).toString('hex')}`;
  const clashes = collisions(document, schemaName);
  if (clashes.length > 0) {
    for (const clash of clashes)
      io.stderr(`erd: ${file}: cannot prove on a server: in the one throwaway schema the proof uses there, ${lowerFirst(clash)}\n`);
    return 1;
  }
  let connection;
  try {
    connection = await io.connectDatabase(url);
  } catch (error) {
    if (!(error instanceof PostgresConnectError)) throw error;
    io.stderr(`erd: cannot connect to ${target.display}: ${error.message}\n`);
    return 2;
  }
  try {
    const risk = await privilegedRoleRisk(connection.runner);
    if (risk && !allowPrivilegedRole) {
      io.stderr(
        `erd: will not prove on ${target.display} as this role: ${risk}, so SQL in the document (a function a CHECK calls, say) could run programs or touch files on the server's machine, which no rollback undoes. Connect as an ordinary role that may create a schema (CREATE ROLE erd_prover LOGIN; GRANT CREATE ON DATABASE ... TO erd_prover), or pass --allow-privileged-role for a document you trust\n`,
      );
      return 2;
    }
    let report: ProofReport;
    let left: LeftBehind;
    try {
      const before = await serverObjects(connection.runner);
      report = await runProof(connection.runner, document.schema, { schemaName, statementTimeoutMs });
      left = await leftBehind(connection.runner, before, schemaName);
    } catch (error) {
      // Not a verdict (those are in the report): the connection broke, so the server rolled back on its own.
      io.stderr(`erd: the proof on ${target.display} stopped: ${firstLine(error)}\n`);
      return 2;
    }
    const { version } = connection;
    const where = `${target.host}:${target.port}/${target.database}`;
    const isClean = left.schemaGone && left.added.length === 0 && left.removed.length === 0;
    if (json) {
      const server = { version, host: target.host, port: target.port, database: target.database, schema: schemaName };
      io.stdout(JSON.stringify({ file, server, leftBehind: left, summary: summarize(report), ...report }, null, 2) + '\n');
    } else {
      const verb = report.results.length > 0 ? 'Proved' : 'Ran';
      io.stdout(
        `${formatProof(report, document)}${verb} on PostgreSQL ${version} at ${where}, in schema ${schemaName}, rolled back.\n${describeLeftBehind(left, schemaName)}\n`,
      );
    }
    return isClean ? exitCode(report) : 1;
  } finally {
    await connection.close();
  }
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

/** 1 when a scenario failed or the DDL could not run, else 0. */
function exitCode(report: ProofReport): number {
  const blocked = report.ddlError !== undefined || report.problems.some((p) => p.severity === 'error');
  return summarize(report).failed > 0 || blocked ? 1 : 0;
}

/**
 * Errors that only moving everything into one schema causes (`app.users` and `public.users`): proving
 * the merged schema would prove something other than the drawing, so these stop the run instead.
 */
function collisions(document: ErdDocument, schemaName: string): string[] {
  const drawn = new Set(validateSchema(document.schema).map((p) => p.message));
  return validateSchema(intoOneSchema(document.schema, schemaName))
    .filter((p) => p.severity === 'error' && !drawn.has(p.message))
    .map((p) => p.message);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
