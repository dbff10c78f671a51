import { parseArgs } from 'node:util';
import { extensionsSchemaNeeds } from '../db/pgliteExtensions.ts';
import { alignByName, dataLossesOf, diffSchemas, parseRenames, riskySteps, toMigrationSql, type Migration } from '../migrate/index.ts';
import { proveMigration, type MigrationProofReport } from '../proof/index.ts';
import { formatMigrationProblems, formatMigrationProof, migrationProofExitCode } from './formatMigrationProof.ts';
import type { ErdDocument, Schema } from '../model/index.ts';
import { formatImportFacts, shortNoteCount } from './formatImport.ts';
import type { CliIo } from './main.ts';
import { documentReaders, readDocument, type DocumentReaders } from './readDocument.ts';

export const diffUsage = `Usage: erd diff FROM TO [options]

Prints the migration (ALTER statements) that turns the database FROM describes into the one TO
describes. FROM and TO are each a project file (.erd.json), a .sql or a .dbml file;
FILE.erd.json@NAME is the version NAME kept in that project file. Versions of one document are
matched by id (a rename is a rename); files from different places are matched by name, and a table
or column that disappeared while one alike appeared is listed as a possible rename to confirm.

  --down              print the down migration (TO back to FROM) instead
  --json              print the steps (up, down, proposed renames) as JSON
  --renames LIST      confirmed renames across files: old=new,... (books.title=books.heading,authors=writers)
  --allow-data-loss   exit 0 even when a step can lose data (the steps are marked in the script)
  --prove             prove the migration in PGlite instead of printing it: build FROM with sample
                      rows, run up, and check the catalog equals a fresh TO, the rows survived, the
                      relationship proofs pass, and down brings FROM back; exit 1 unless every check passed
  --database-url URL  with --prove: prove it on that PostgreSQL server instead
                      (postgres://USER:PASSWORD@HOST:PORT/DATABASE), with every table and type moved
                      into a new schema inside a transaction that is rolled back: nothing on the
                      server is changed or left behind; refused for a superuser or a role that may
                      run programs or touch server files, unless --allow-privileged-role
  --time-limit SECONDS  for a .sql file: stop its import after this long (default 60)

Exit codes: 0 the migration was printed (nothing when FROM and TO agree) or proven, 1 a step can lose data
(without --allow-data-loss), a schema has errors or a check of --prove did not pass, 2 bad usage,
an unreadable file, a server that cannot be reached or a privileged role.
`;

/** A document, or one of its versions (`FILE.erd.json@NAME`), as a schema. */
async function readSchema(
  spec: string,
  readers: DocumentReaders,
  io: CliIo,
): Promise<{ ok: true; schema: Schema; file: string } | { ok: false }> {
  const at = spec.lastIndexOf('@');
  const isVersion = at > 0 && /\.json$/.test(spec.slice(0, at));
  const file = isVersion ? spec.slice(0, at) : spec;
  const read = await readDocument(file, readers);
  if (!read.ok) {
    io.stderr(`erd: ${read.error}\n`);
    return { ok: false };
  }
  if (read.warning) io.stderr(`erd: ${read.warning}\n`);
  if (read.imported) io.stderr(`erd: ${formatImportFacts(file, read.imported, shortNoteCount)}\n`);
  if (!isVersion) return { ok: true, schema: read.document.schema, file };
  const schema = versionSchema(read.document, spec.slice(at + 1));
  if (schema) return { ok: true, schema, file };
  const names = (read.document.versions ?? []).map((v) => `"${v.name}"`);
  io.stderr(
    `erd: ${file} has no version "${spec.slice(at + 1)}" (${names.length ? `its versions: ${names.join(', ')}` : 'it keeps no versions'})\n`,
  );
  return { ok: false };
}

/** The schema of the newest version named `name`. */
function versionSchema(document: ErdDocument, name: string): Schema | undefined {
  return (document.versions ?? []).filter((v) => v.name === name).at(-1)?.schema;
}

/** `erd diff FROM TO`: resolves to the exit code. */
export async function diffCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        down: { type: 'boolean' },
        json: { type: 'boolean' },
        renames: { type: 'string' },
        'allow-data-loss': { type: 'boolean' },
        prove: { type: 'boolean' },
        'database-url': { type: 'string' },
        'allow-privileged-role': { type: 'boolean' },
        'time-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`erd diff: ${(error as Error).message}\n${diffUsage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(diffUsage);
    return 0;
  }
  const renames = parseRenames(values.renames ?? '');
  const timeLimit = Number(values['time-limit'] ?? 60);
  const databaseUrl = values['database-url'];
  const misplaced = [
    databaseUrl !== undefined && !values.prove ? '--database-url goes with --prove' : '',
    values['allow-privileged-role'] && databaseUrl === undefined ? '--allow-privileged-role goes with --prove --database-url' : '',
  ].find(Boolean);
  if (positionals.length !== 2 || !renames.ok || misplaced || !(timeLimit > 0 && Number.isFinite(timeLimit))) {
    const why = !renames.ok
      ? `--renames: ${renames.error}\n`
      : misplaced
        ? `${misplaced}\n`
        : positionals.length !== 2
          ? ''
          : '--time-limit takes a number of seconds above 0\n';
    io.stderr(`erd diff: ${why}${diffUsage}`);
    return 2;
  }
  const readers = documentReaders(io, timeLimit);
  const [fromSpec, toSpec] = positionals as [string, string];
  const from = await readSchema(fromSpec, readers, io);
  if (!from.ok) return 2;
  const to = await readSchema(toSpec, readers, io);
  if (!to.ok) return 2;
  const fromSchema = isOneDocument(from.file, to.file) ? from.schema : alignByName(from.schema, to.schema, renames.renames);
  const migration = diffSchemas(fromSchema, to.schema);
  if (!values.prove || migration.problems.length > 0) return report(migration, values, io);
  const proved =
    databaseUrl === undefined
      ? await prove(fromSchema, to.schema, migration, io)
      : await (
          await import('./diffOnServer.ts')
        ).proveDiffOnServer(fromSchema, to.schema, databaseUrl, io, { allowPrivilegedRole: values['allow-privileged-role'] === true });
  // Proven or not, the up script is the one to run: its possible renames and data losses are said, and gate the exit code, as without --prove.
  return proved === 2 ? 2 : Math.max(proved, warnAndGate(migration, migration.up, values['allow-data-loss'] === true, io));
}

/** Versions of one project file are matched by id; anything else by name, with the confirmed renames. */
const isOneDocument = (fromFile: string, toFile: string) => fromFile === toFile && /\.json$/.test(fromFile);

/** `--prove`: runs the migration proof in a fresh PGlite and prints each check; 1 when one fails. */
async function prove(from: Schema, to: Schema, migration: Migration, io: CliIo): Promise<number> {
  const db = await io.openDatabase([...new Set([...extensionsSchemaNeeds(from), ...extensionsSchemaNeeds(to)])]);
  let proof: MigrationProofReport;
  try {
    proof = await proveMigration(db.runner, from, to, {
      up: toMigrationSql(migration.up),
      down: toMigrationSql(migration.down),
      losesData: dataLossesOf(migration.up),
    });
  } finally {
    await db.close();
  }
  io.stderr(formatMigrationProblems(proof));
  io.stdout(formatMigrationProof(proof, migration));
  return migrationProofExitCode(proof);
}

/** Prints the script (or JSON), the risky steps and the possible renames; the exit code says whether data can be lost. */
function report(migration: Migration, options: { down?: boolean; json?: boolean; 'allow-data-loss'?: boolean }, io: CliIo): number {
  if (migration.problems.length > 0) {
    for (const p of migration.problems) io.stderr(`erd diff: ${p.severity}: ${p.message}\n`);
    return 1;
  }
  const steps = options.down ? migration.down : migration.up;
  if (options.json) io.stdout(JSON.stringify(migration, null, 2) + '\n');
  else io.stdout(toMigrationSql(steps));
  return warnAndGate(migration, steps, options['allow-data-loss'] === true, io);
}

/** On stderr: the possible renames to confirm and each risky step; 1 when a step can lose data and that was not allowed. */
function warnAndGate(migration: Migration, steps: Migration['up'], allowDataLoss: boolean, io: CliIo): number {
  for (const r of migration.proposedRenames) io.stderr(`erd diff: maybe a rename: ${r.description}; confirm it with --renames\n`);
  const losing = riskySteps(steps).filter((s) => s.losesData !== undefined);
  for (const s of riskySteps(steps))
    io.stderr(`erd diff: ${s.losesData ? 'can lose data' : 'may reject rows'}: ${s.losesData ?? s.rejectsRows}\n`);
  if (losing.length > 0 && !allowDataLoss) {
    io.stderr(`erd diff: ${losing.length} step(s) can lose data (marked in the script); pass --allow-data-loss to exit 0 anyway\n`);
    return 1;
  }
  return 0;
}
