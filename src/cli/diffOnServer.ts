import { randomBytes } from 'node:crypto';
import { intoOneSchema } from '../ddl/intoOneSchema.ts';
import { dataLossesOf, diffSchemas, toMigrationSql } from '../migrate/index.ts';
import type { Schema } from '../model/index.ts';
import { proveMigration } from '../proof/index.ts';
import { formatMigrationProblems, formatMigrationProof, migrationProofExitCode } from './formatMigrationProof.ts';
import type { CliIo } from './main.ts';
import { namingOtherSchemas, serverSchemas, writtenSql } from './outsideSchemas.ts';
import { collisions, describeServerRun, isClean, runOnServer, serverTarget, statementTimeoutMs } from './onServer.ts';

/**
 * `erd diff --prove --database-url`: the migration proof on a real server, as `erd prove --database-url`
 * proves a document: FROM and TO with every table and type moved into a schema of a fresh random name,
 * the migration between those moved schemas (diffed, never rewritten as text), one transaction that is
 * always rolled back, then the check that the schema is gone and nothing outside it changed.
 */
export async function proveDiffOnServer(
  from: Schema,
  to: Schema,
  url: string,
  io: CliIo,
  { allowPrivilegedRole = false } = {},
): Promise<number> {
  const target = serverTarget(url, io);
  if (!target) return 2;
  const schemaName = `erd_proof_${randomBytes(8).toString('hex')}`;
  const clashes = [...new Set([...collisions(from, schemaName), ...collisions(to, schemaName)])];
  if (clashes.length > 0) {
    for (const clash of clashes)
      io.stderr(`erd diff: cannot prove on a server: in the one throwaway schema the proof uses there, ${clash}\n`);
    return 1;
  }
  const [movedFrom, movedTo] = [intoOneSchema(from, schemaName), intoOneSchema(to, schemaName)];
  const migration = diffSchemas(movedFrom, movedTo);
  if (migration.problems.length > 0) {
    for (const p of migration.problems) io.stderr(`erd diff: ${p.severity}: ${p.message}\n`);
    return 1;
  }
  const run = await runOnServer(url, target, io, { allowPrivilegedRole, sqlFrom: 'the two schemas', schemaName }, async (runner) => {
    // For this connection only (it is closed afterwards): the proof opens its own transaction.
    await runner.exec(`SET statement_timeout = ${statementTimeoutMs}`);
    const outside = namingOtherSchemas([...writtenSql(movedFrom), ...writtenSql(movedTo)], await serverSchemas(runner), schemaName);
    if (outside.length > 0) return { outside };
    return proveMigration(
      runner,
      movedFrom,
      movedTo,
      { up: toMigrationSql(migration.up), down: toMigrationSql(migration.down), losesData: dataLossesOf(migration.up) },
      { scratchSchema: `${schemaName}_scratch` },
    );
  });
  if ('exitCode' in run) return run.exitCode;
  if ('outside' in run.value) return refuseOutside(run.value.outside, io);
  const proof = run.value;
  io.stderr(formatMigrationProblems(proof));
  io.stdout(`${formatMigrationProof(proof, migration)}${describeServerRun(run, 'Proved', schemaName)}`);
  return isClean(run.left) ? migrationProofExitCode(proof) : 1;
}

/** Exit 1, naming each object whose SQL would reach outside the proof's schema: run there, it could lock or read the server's own tables. */
export function refuseOutside(outside: readonly string[], io: CliIo, command = 'erd diff'): number {
  for (const reason of outside)
    io.stderr(
      `${command}: cannot prove on a server: ${reason}, outside the one throwaway schema the proof may touch there; prove it in PGlite (without --database-url)\n`,
    );
  return 1;
}
