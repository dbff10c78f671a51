import { access, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { PostgresConnection } from '../db/index.ts';
import { generateDdl, ifNotExistsMeaning, toSqlText, type DdlOptions } from '../ddl/index.ts';
import { toDbml } from '../io/dbmlExport.ts';
import type { ImportResult } from '../io/importSql.ts';
import { toMermaid } from '../io/mermaid.ts';
import { lintSchema, type Problem, type SqlRunner } from '../model/index.ts';
import { formatImportFacts, shortNoteCount } from './formatImport.ts';
import { importInWorker } from './importInWorker.ts';
import { documentReaders, readDocument } from './readDocument.ts';

// PGlite, pg, @dbml/core and elkjs load only in the commands that use them (dynamic imports below and in
// readDocument.ts): `erd ddl`, `lint`, `mermaid` and `dbml` on a project file start in a fraction of a second.

/** What the command touches outside itself, so tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  /** Whether something is at `path`, so `erd import` refuses before it runs. */
  exists(path: string): Promise<boolean>;
  /** Writes a file; rejects with code EEXIST when it exists and `overwrite` is false. */
  writeFile(path: string, text: string, options: { overwrite: boolean }): Promise<void>;
  /** Imports a SQL script through PostgreSQL; 'timed out' when it did not finish within the limit. */
  importSql(sql: string, timeLimitMs: number): Promise<ImportResult | 'timed out'>;
  /** Opens a database for `prove`, able to create these shipped extensions (`pgliteExtensions`); `close` is called when done. */
  openDatabase(extensions?: readonly string[]): Promise<{ runner: SqlRunner; close(): Promise<void> }>;
  /** Connects to a PostgreSQL server for `prove --database-url` and `diff --prove --database-url`; rejects with a PostgresConnectError. */
  connectDatabase(url: string): Promise<PostgresConnection>;
}

/** The real process: stdout, stderr, the file system, a fresh PGlite (from the shipped data directory when it fits), a real server when asked. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    exists: (path) =>
      access(path).then(
        () => true,
        () => false,
      ),
    writeFile: (path, text, { overwrite }) => writeFile(path, text, { flag: overwrite ? 'w' : 'wx' }),
    importSql: (sql, timeLimitMs) => importInWorker(sql, timeLimitMs),
    async openDatabase(extensions = []) {
      const [{ startPglite }, { pgliteRunner }, { shippedDataDir }] = await Promise.all([
        import('../db/startPglite.ts'),
        import('../db/pgliteRunner.ts'),
        import('./shippedDataDir.ts'),
      ]);
      const pg = await startPglite(shippedDataDir(), extensions);
      return { runner: pgliteRunner(pg), close: () => pg.close() };
    },
    connectDatabase: async (url) => (await import('../db/postgresRunner.ts')).connectPostgres(url),
  };
}

const usage = `Usage: erd <command> FILE [options]

FILE is a project file (.erd.json), a DBML file (.dbml) or a SQL script (.sql: pg_dump output,
migrations, hand-written DDL), which PostgreSQL runs in PGlite and the schema is read from its
catalog; what the import skipped or read differently is noted on stderr.

Commands:
  ddl FILE     print the PostgreSQL DDL
                 --transaction     wrap it in BEGIN / COMMIT
                 --if-not-exists   make it re-runnable on the same version; not a migration:
                                   a table that exists is skipped whole, not compared
                                   (for changes: erd diff, migrations)
                 --schema NAME     put every table and type into schema NAME
  prove FILE   run every proof scenario in PGlite; exit 1 if any fails
                 --json            print the report as JSON
                 --database-url URL
                                   run them on that PostgreSQL server instead
                                   (postgres://USER:PASSWORD@HOST:PORT/DATABASE), in a new
                                   schema inside a transaction that is rolled back: nothing
                                   on the server is changed or left behind; refused for a
                                   superuser or a role that may run programs or touch server
                                   files, unless --allow-privileged-role
  lint FILE    list problems and advice in the model; exit 1 on any error or warning
                 --json            print them as JSON
  mermaid FILE print the diagram as a Mermaid erDiagram (for Markdown that renders Mermaid)
  dbml FILE    print the schema as DBML (for dbdiagram.io)
  diff FROM TO print the migration (ALTER statements) from FROM to TO; erd diff --help
                 --prove           prove it instead, in PGlite; exit 1 unless every check passes
                 --database-url URL
                                   with --prove: on that PostgreSQL server, as prove does
  import FILE  read a .sql or .dbml file into a project file, printed on stdout
                 -o, --output OUT  write it to OUT instead (an existing OUT is left alone)
                 --force           replace OUT if it exists
  serve        run the collaboration server for a team (the app and its live rooms on one
               port); erd serve --help

  --time-limit SECONDS  for a .sql FILE: stop the import after this long (default 60);
                        a DO block or a function it calls can loop forever

Exit codes: 0 success, 1 a scenario failed, the DDL was refused or lint found a problem,
2 bad usage, an unreadable or invalid file, a script PostgreSQL refused or that ran out of
time, or a server that cannot be reached.
`;

const commands = ['ddl', 'prove', 'lint', 'mermaid', 'dbml', 'import'];

/** How long an import of a .sql file may run unless --time-limit says otherwise. */
const defaultTimeLimitSeconds = 60;

/** Runs `erd` with its arguments; resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'diff') return (await import('./diffCommand.ts')).diffCommand(argv.slice(1), io);
  if (argv[0] === 'serve') return (await import('./serveCommand.ts')).serveCommand(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        transaction: { type: 'boolean' },
        'if-not-exists': { type: 'boolean' },
        schema: { type: 'string' },
        'database-url': { type: 'string' },
        'allow-privileged-role': { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        'time-limit': { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr(`erd: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  const [command, file, ...extra] = parsed.positionals;
  if (parsed.values.help) {
    io.stdout(usage);
    return 0;
  }
  if (!command || !file || extra.length > 0 || !commands.includes(command)) {
    io.stderr(command && !commands.includes(command) ? `erd: unknown command "${command}"\n${usage}` : usage);
    return 2;
  }
  const { values } = parsed;
  const databaseUrl = values['database-url'];
  const misplaced = [
    databaseUrl !== undefined && command !== 'prove' ? '--database-url is an option of prove (and of diff --prove) only' : '',
    values['allow-privileged-role'] && databaseUrl === undefined ? '--allow-privileged-role goes with --database-url' : '',
    (values.output !== undefined || values.force) && command !== 'import' ? '--output and --force are options of import only' : '',
  ].find(Boolean);
  const timeLimit = Number(values['time-limit'] ?? defaultTimeLimitSeconds);
  if (misplaced || !(timeLimit > 0 && Number.isFinite(timeLimit))) {
    io.stderr(`erd: ${misplaced || '--time-limit takes a number of seconds above 0'}\n${usage}`);
    return 2;
  }
  const readers = documentReaders(io, timeLimit);
  if (command === 'import')
    return (await import('./importCommand.ts')).importCommand(file, { output: values.output, force: values.force ?? false }, readers, io);
  const read = await readDocument(file, readers);
  if (!read.ok) {
    io.stderr(`erd: ${read.error}\n`);
    return 2;
  }
  if (read.warning) io.stderr(`erd: ${read.warning}\n`);
  if (read.imported) io.stderr(`erd: ${formatImportFacts(file, read.imported, shortNoteCount)}\n`);
  const { document } = read;
  if (command === 'mermaid' || command === 'dbml') {
    io.stdout(command === 'mermaid' ? toMermaid(document.schema) : toDbml(document.schema));
    return 0;
  }
  if (command === 'ddl') {
    const options: DdlOptions = {
      wrapInTransaction: values.transaction ?? false,
      ifNotExists: values['if-not-exists'] ?? false,
      schemaName: values.schema ?? null,
    };
    const { statements, problems } = generateDdl(document.schema, options);
    for (const p of problems) io.stderr(`${file}: ${p.severity}: ${p.message}\n`);
    if (problems.some((p) => p.severity === 'error')) return 1;
    if (options.ifNotExists) io.stderr(`erd: note: ${ifNotExistsMeaning}\n`);
    io.stdout(toSqlText(statements));
    return 0;
  }
  if (command === 'lint') {
    const problems = lintSchema(document.schema);
    io.stdout(values.json ? JSON.stringify({ file, problems }, null, 2) + '\n' : formatProblems(file, problems));
    return problems.some((p) => p.severity !== 'info') ? 1 : 0;
  }
  const json = values.json ?? false;
  const { proveInPglite, proveOnServer } = await import('./prove.ts');
  return databaseUrl === undefined
    ? proveInPglite(file, document, json, io)
    : proveOnServer(file, document, databaseUrl, json, io, { allowPrivilegedRole: values['allow-privileged-role'] === true });
}

/** `FILE: severity: message` per problem, like a compiler, then a count. */
function formatProblems(file: string, problems: Problem[]): string {
  if (problems.length === 0) return `${file}: no problems\n`;
  const count = (severity: Problem['severity']) => problems.filter((p) => p.severity === severity).length;
  const lines = problems.map((p) => `${file}: ${p.severity}: ${p.message}`);
  lines.push(`${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`);
  return lines.join('\n') + '\n';
}
