import { randomBytes } from 'node:crypto';
import { extensionsSchemaNeeds } from '../db/pgliteExtensions.ts';
import { objectsTablesNeed } from '../ddl/index.ts';
import { intoOneSchema } from '../ddl/intoOneSchema.ts';
import { validateSchema, type ErdDocument } from '../model/index.ts';
import { runProof, summarize, type ProofReport } from '../proof/index.ts';
import { formatProof } from './formatProof.ts';
import type { CliIo } from './main.ts';

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
  const { collisions, describeServerRun, isClean, runOnServer, serverTarget, statementTimeoutMs } = await import('./onServer.ts'); // pg: only for a server
  const target = serverTarget(url, io);
  if (!target) return 2;
  const schemaName = `erd_proof_${randomBytes(8).toString('hex')}`;
  const clashes = collisions(document.schema, schemaName);
  if (clashes.length > 0) {
    for (const clash of clashes)
      io.stderr(`erd: ${file}: cannot prove on a server: in the one throwaway schema the proof uses there, ${clash}\n`);
    return 1;
  }
  const { namingOtherSchemas, serverSchemas, writtenSql } = await import('./outsideSchemas.ts');
  const moved = intoOneSchema(document.schema, schemaName);
  const run = await runOnServer(url, target, io, { allowPrivilegedRole, sqlFrom: 'the document', schemaName }, async (runner) => {
    // The kept objects a proof builds are those the tables need.
    const outside = namingOtherSchemas(writtenSql(moved, objectsTablesNeed(moved)), await serverSchemas(runner), schemaName);
    return outside.length > 0 ? { outside } : runProof(runner, document.schema, { schemaName, statementTimeoutMs });
  });
  if ('exitCode' in run) return run.exitCode;
  if ('outside' in run.value) return (await import('./diffOnServer.ts')).refuseOutside(run.value.outside, io, `erd: ${file}`);
  const { value: report, left, version } = run;
  if (json) {
    const server = { version, host: target.host, port: target.port, database: target.database, schema: schemaName };
    io.stdout(JSON.stringify({ file, server, leftBehind: left, summary: summarize(report), ...report }, null, 2) + '\n');
  } else {
    const verb = report.results.length > 0 ? 'Proved' : 'Ran';
    io.stdout(`${formatProof(report, document)}${describeServerRun(run, verb, schemaName)}`);
  }
  return isClean(left) ? exitCode(report) : 1;
}

/** 1 when a scenario failed or the DDL could not run, else 0. */
function exitCode(report: ProofReport): number {
  const blocked = report.ddlError !== undefined || report.problems.some((p) => p.severity === 'error');
  return summarize(report).failed > 0 || blocked ? 1 : 0;
}
