import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { generateDdl, toSqlText, type DdlOptions } from '../ddl/index.ts';
import { connectPostgres, pgliteRunner, startPglite, type PostgresConnection } from '../db/index.ts';
import { toDbml } from '../io/dbmlExport.ts';
import { toMermaid } from '../io/index.ts';
import { lintSchema, type Problem, type SqlRunner } from '../model/index.ts';
import { proveInPglite, proveOnServer } from './prove.ts';
import { readDocument } from './readDocument.ts';

/** What the command touches outside itself, so tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  /** Opens a database for `prove`; `close` is called when done. */
  openDatabase(): Promise<{ runner: SqlRunner; close(): Promise<void> }>;
  /** Connects to a PostgreSQL server for `prove --database-url`; rejects with a PostgresConnectError. */
  connectDatabase(url: string): Promise<PostgresConnection>;
}

/** The real process: stdout, stderr, the file system, a fresh PGlite, a real server when asked. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    async openDatabase() {
      const pg = await startPglite();
      return { runner: pgliteRunner(pg), close: () => pg.close() };
    },
    connectDatabase: (url) => connectPostgres(url),
  };
}

const usage = `Usage: erd <command> FILE [options]

FILE is a project file (.erd.json) or a DBML file (.dbml).

Commands:
  ddl FILE     print the PostgreSQL DDL
                 --transaction     wrap it in BEGIN / COMMIT
                 --if-not-exists   make it re-runnable
                 --schema NAME     put every table and type into schema NAME
  prove FILE   run every proof scenario in PGlite; exit 1 if any fails
                 --json            print the report as JSON
                 --database-url URL
                                   run them on that PostgreSQL server instead
                                   (postgres://USER:PASSWORD@HOST:PORT/DATABASE), in a new
                                   schema inside a transaction that is rolled back: nothing
                                   on the server is changed or left behind
  lint FILE    list problems and advice in the model; exit 1 on any error or warning
                 --json            print them as JSON
  mermaid FILE print the diagram as a Mermaid erDiagram (for Markdown that renders Mermaid)
  dbml FILE    print the schema as DBML (for dbdiagram.io)

Exit codes: 0 success, 1 a scenario failed, the DDL was refused or lint found a problem,
2 bad usage, an unreadable or invalid file, or a server that cannot be reached.
`;

const commands = ['ddl', 'prove', 'lint', 'mermaid', 'dbml'];

/** Runs `erd` with its arguments; resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
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
  const databaseUrl = parsed.values['database-url'];
  if (databaseUrl !== undefined && command !== 'prove') {
    io.stderr(`erd: --database-url is an option of prove only\n${usage}`);
    return 2;
  }
  const read = await readDocument(file, io.readFile);
  if (!read.ok) {
    io.stderr(`erd: ${read.error}\n`);
    return 2;
  }
  if (read.warning) io.stderr(`erd: ${read.warning}\n`);
  const { document } = read;
  if (command === 'mermaid' || command === 'dbml') {
    io.stdout(command === 'mermaid' ? toMermaid(document.schema) : toDbml(document.schema));
    return 0;
  }
  if (command === 'ddl') {
    const options: DdlOptions = {
      wrapInTransaction: parsed.values.transaction ?? false,
      ifNotExists: parsed.values['if-not-exists'] ?? false,
      schemaName: parsed.values.schema ?? null,
    };
    const { statements, problems } = generateDdl(document.schema, options);
    for (const p of problems) io.stderr(`${file}: ${p.severity}: ${p.message}\n`);
    if (problems.some((p) => p.severity === 'error')) return 1;
    io.stdout(toSqlText(statements));
    return 0;
  }
  if (command === 'lint') {
    const problems = lintSchema(document.schema);
    io.stdout(parsed.values.json ? JSON.stringify({ file, problems }, null, 2) + '\n' : formatProblems(file, problems));
    return problems.some((p) => p.severity !== 'info') ? 1 : 0;
  }
  const json = parsed.values.json ?? false;
  return databaseUrl === undefined ? proveInPglite(file, document, json, io) : proveOnServer(file, document, databaseUrl, json, io);
}

/** `FILE: severity: message` per problem, like a compiler, then a count. */
function formatProblems(file: string, problems: Problem[]): string {
  if (problems.length === 0) return `${file}: no problems\n`;
  const count = (severity: Problem['severity']) => problems.filter((p) => p.severity === severity).length;
  const lines = problems.map((p) => `${file}: ${p.severity}: ${p.message}`);
  lines.push(`${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`);
  return lines.join('\n') + '\n';
}
