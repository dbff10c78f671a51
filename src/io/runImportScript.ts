import { quoteIdent } from '../ddl/index.ts';
import { asSqlError, failedStatementIndex, type SqlRunner } from '../model/index.ts';
import { standInModifierBody } from '../model/standInModifiers.ts';
import { askRefusal, hidesRefusal } from './hiddenRefusal.ts';
import { splitSql, type ScriptPiece } from './splitSql.ts';
import { classifyStatement, extensionName, withNoData, withoutConcurrently, type StatementAction } from './statementKinds.ts';

/** Why a script could not be imported: where (line in the original script), what, and PostgreSQL's own words. */
export interface ImportError {
  /** 1-based line in the original script; 0 when the problem is the script as a whole (its size). */
  line: number;
  /** The statement that failed, as written. */
  statement: string;
  message: string;
  detail?: string;
  hint?: string;
  /** SQLSTATE, when PostgreSQL gave one. */
  code?: string;
}

/** An extension the script creates that this PostgreSQL does not have: kept as its statement so exported DDL still asks for it. */
export interface MissingExtension {
  name: string;
  sql: string;
  /** The schema it would have gone to (WITH SCHEMA, else the first on the search path): where its stand-in types go. */
  schema: string;
  /** The stand-in types made for it while the script ran, as SQL (see `SqlObject.standIn`). */
  standIns: string[];
}

/** What running a script left behind, for the catalog reader. */
export interface ScriptRun {
  /** Objects with an oid above this one were made by the script. */
  markOid: number;
  /** Counts of statements (and COPY rows) not run, by label. */
  skipped: Record<string, number>;
  notes: string[];
  missingExtensions: MissingExtension[];
}

/** Prefix of the functions behind stand-in types, so the catalog reader leaves them out. */
export const standInPrefix = 'erd_stand_in_';

/** One statement of the script to run, as it will be sent, and where it came from. */
interface Step {
  piece: ScriptPiece;
  classified: StatementAction;
  sql: string;
  /** Its place among the script's pieces: skips are counted in this order whatever order they are found in. */
  order: number;
}

/** What the statement-by-statement path keeps between statements. */
interface RunState {
  run: ScriptRun;
  skip: (order: number, label: string, count?: number) => void;
  standIns: number;
}

/**
 * Runs an imported script inside a transaction the caller has begun and will roll back. Data and
 * server-only statements are skipped and counted. The rest runs in one go (one pipeline, each statement
 * in a savepoint); only a statement PostgreSQL refuses is run again on its own, where a SET or CREATE
 * EXTENSION refused is skipped too. When an extension is missing,
 * types it would have provided get text-like stand-ins and statements that need its functions,
 * operator classes or access methods are skipped with a note. Any other failure stops the run.
 */
export async function runImportScript(
  runner: SqlRunner,
  script: string,
): Promise<{ ok: true; run: ScriptRun } | { ok: false; error: ImportError }> {
  await runner.exec('CREATE SCHEMA "erd import mark"');
  const mark = await runner.query(`SELECT oid::int AS oid FROM pg_catalog.pg_namespace WHERE nspname = 'erd import mark'`);
  await runner.exec('DROP SCHEMA "erd import mark"');
  const run: ScriptRun = { markOid: Number(mark.rows[0]!.oid), skipped: {}, notes: [], missingExtensions: [] };
  const skips: { order: number; label: string; count: number }[] = [];
  const state: RunState = { run, skip: (order, label, count = 1) => skips.push({ order, label, count }), standIns: 0 };
  const steps: Step[] = [];
  for (const [order, piece] of splitSql(script).entries()) {
    if (piece.kind === 'copyData') state.skip(order, 'COPY rows', piece.rows ?? 0);
    else if (piece.kind === 'metaCommand') state.skip(order, `psql ${piece.text.split(/\s/)[0]}`);
    else {
      const classified = classifyStatement(piece.text);
      if (classified.action === 'skip') state.skip(order, classified.label);
      else steps.push({ piece, classified, order, sql: withNoData(withoutConcurrently(piece.text)) });
    }
  }
  for (let at = 0; at < steps.length;) {
    const failed = await runInOneGo(
      runner,
      steps.slice(at).map((s) => s.sql),
    );
    if (failed === undefined) break;
    const error = await runAlone(runner, steps[at + failed]!, state);
    if (error) return { ok: false, error };
    at += failed + 1;
  }
  for (const { label, count } of skips.sort((a, b) => a.order - b.order)) run.skipped[label] = (run.skipped[label] ?? 0) + count;
  return { ok: true, run };
}

/**
 * Runs statements in one pipeline, each in its own savepoint as when run one by one (a key added by a
 * later ALTER TABLE then has another transaction id than its table: see `CatalogConstraint.inCreateTable`).
 * When PostgreSQL refuses one, rolls back its savepoint: every statement before it has run, none after.
 * Returns the refused one's index, or undefined when all ran.
 */
async function runInOneGo(runner: SqlRunner, statements: readonly string[]): Promise<number | undefined> {
  try {
    await runner.execEach(statements.flatMap((s) => ['SAVEPOINT erd_import_step', s, 'RELEASE SAVEPOINT erd_import_step']));
    return undefined;
  } catch (thrown) {
    const index = failedStatementIndex(thrown);
    if (index === undefined || index % 3 !== 1) throw thrown; // not PostgreSQL's refusal of a statement
    await runner.exec('ROLLBACK TO SAVEPOINT erd_import_step');
    await runner.exec('RELEASE SAVEPOINT erd_import_step');
    return (index - 1) / 3;
  }
}

/**
 * Runs one statement PostgreSQL refused in a pipeline again on its own, in a savepoint, to skip it, give
 * a missing extension's type a stand-in and retry, or report its error (undefined when it ran or was skipped).
 */
async function runAlone(runner: SqlRunner, { piece, classified, sql, order }: Step, state: RunState): Promise<ImportError | undefined> {
  const { run, skip } = state;
  for (let attempt = 0; ; attempt++) {
    const error = await attemptStatement(runner, sql);
    if (!error) return undefined;
    if (classified.action === 'try') {
      if (classified.label === 'CREATE EXTENSION') {
        const name = extensionName(sql);
        run.missingExtensions.push({ name, sql: piece.text, schema: await extensionSchema(runner, sql), standIns: [] });
        run.notes.push(
          `Line ${piece.line}: extension "${name}" is not available here (${error.message}); it stays in the exported DDL, and its types are read as written.`,
        );
      }
      skip(order, classified.label);
      return undefined;
    }
    if (error.code === '42P06' && /^create\s+schema\s+(if\s+not\s+exists\s+)?"?public"?\s*;?$/i.test(sql.trim())) {
      skip(order, 'CREATE SCHEMA public');
      return undefined;
    }
    const missing = run.missingExtensions.map((e) => e.name);
    const typeName = /^type "(.+)" does not exist$/.exec(error.message)?.[1];
    if (missing.length > 0 && typeName && attempt < 8) {
      const n = state.standIns++;
      // Which missing extension provides the type is unknown: the first one carries it, and an
      // unqualified type goes where that extension would have put it.
      const carrier = run.missingExtensions[0]!;
      const parts = typeName.split('.');
      const failed = await attemptStatement(runner, standInTypeSql(parts.length > 1 ? parts : [carrier.schema, typeName], n));
      if (!failed) {
        // Proofs run in a schema of their own, where the tables' unqualified type names must find it: not in public.
        carrier.standIns.push(standInTypeSql(parts[0] === 'public' && parts.length === 2 ? parts.slice(1) : parts, n).join('\n'));
        continue;
      }
    }
    if (
      error.code === '42704' &&
      /^comment\s+on\s+extension\s/i.test(sql.trim()) &&
      missing.includes(extensionName(sql.trim().replace(/^comment\s+on\s+/i, 'create ')))
    ) {
      // pg_dump's description of an extension this PostgreSQL lacks: already said in that extension's note.
      skip(order, 'COMMENT ON missing extension');
      return undefined;
    }
    if (missing.length > 0 && (error.code === '42704' || error.code === '42883')) {
      skip(order, `needing extension ${missing.join(', ')}`);
      run.notes.push(`Line ${piece.line}: not imported, it needs what extension ${missing.join(', ')} provides (${error.message}).`);
      return undefined;
    }
    return errorAt(piece, error);
  }
}

/** Where a CREATE EXTENSION puts its objects: its WITH SCHEMA, else the first schema of the search path. */
async function extensionSchema(runner: SqlRunner, sql: string): Promise<string> {
  const named = /\bschema\s+("(?:[^"]|"")+"|[\w$]+)/i.exec(
    sql.replace(/^\s*create\s+extension\s+(if\s+not\s+exists\s+)?("(?:[^"]|"")+"|[\w$]+)/i, ''),
  )?.[1];
  if (named) return named.startsWith('"') ? named.slice(1, -1).replaceAll('""', '"') : named.toLowerCase();
  const { rows } = await runner.query("SELECT coalesce(current_schema(), 'public') AS schema");
  return String((rows[0] as { schema: unknown }).schema);
}

/** A statement's failure as PostgreSQL reported it. */
interface Failure {
  code: string;
  message: string;
  detail?: string;
  hint?: string;
  position?: number;
}

/** Runs one statement (or several, all or none) in a savepoint; returns PostgreSQL's error, or undefined when it ran. */
async function attemptStatement(runner: SqlRunner, sql: string | readonly string[]): Promise<Failure | undefined> {
  await runner.exec('SAVEPOINT erd_import_step');
  try {
    for (const each of typeof sql === 'string' ? [sql] : sql) await runner.exec(each);
    await runner.exec('RELEASE SAVEPOINT erd_import_step');
    return undefined;
  } catch (thrown) {
    await runner.exec('ROLLBACK TO SAVEPOINT erd_import_step');
    const sqlError = asSqlError(thrown);
    const hint = (thrown as { hint?: unknown }).hint;
    const message = sqlError?.message ?? (thrown instanceof Error ? thrown.message : String(thrown));
    const failure = { code: sqlError?.code ?? '', ...sqlError, message, ...(typeof hint === 'string' && hint !== '' ? { hint } : {}) };
    // A DO block's own error can come back as "portal "" cannot be run": ask PostgreSQL for it again.
    return hidesRefusal(failure) && typeof sql === 'string' ? ((await askRefusal(runner, sql)) ?? failure) : failure;
  }
}

/** The error of one statement, with the line PostgreSQL's position points at. */
function errorAt(piece: ScriptPiece, error: Failure): ImportError {
  const before = error.position ? piece.text.slice(0, error.position - 1) : '';
  const line = piece.line + (before.match(/\n/g)?.length ?? 0);
  return {
    line,
    statement: piece.text,
    message: error.message,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(error.hint ? { hint: error.hint } : {}),
    ...(error.code ? { code: error.code } : {}),
  };
}

/**
 * A base type that stores text and takes any modifiers (`vector(1536)`, `geometry(Polygon,4326)`),
 * standing in for a type of a missing extension so the tables that use it still import with their
 * type text. Its modifier function keeps each modifier's text in a transaction-local setting and
 * returns its position (no language but C can write a modifier's output, so the catalog reader puts
 * the text back: see `standInModifierBody`).
 */
function standInTypeSql(parts: readonly string[], n: number): string[] {
  const type = parts.map(quoteIdent).join('.');
  const schema = parts.length > 1 ? `${parts.slice(0, -1).map(quoteIdent).join('.')}.` : '';
  const fn = (suffix: string) => `${schema}${quoteIdent(`${standInPrefix}${n}_${suffix}`)}`;
  const internal = (name: string, args: string, returns: string, symbol: string) =>
    `CREATE FUNCTION ${fn(name)}(${args}) RETURNS ${returns} LANGUAGE internal IMMUTABLE STRICT AS '${symbol}';`;
  return [
    `CREATE TYPE ${type};`,
    internal('in', 'cstring', type, 'textin'),
    internal('out', type, 'cstring', 'textout'),
    `CREATE FUNCTION ${fn('typmod_in')}(modifiers cstring[]) RETURNS integer LANGUAGE plpgsql STRICT AS $erd$${standInModifierBody}$erd$;`,
    `CREATE TYPE ${type} (INPUT = ${fn('in')}, OUTPUT = ${fn('out')}, TYPMOD_IN = ${fn('typmod_in')}, INTERNALLENGTH = VARIABLE, STORAGE = extended);`,
  ];
}
