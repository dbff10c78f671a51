import { parseSql, scanSql, type ParsedStatement } from './postgresParser.ts';
import type { SqlObject, SqlObjectKind } from './schema.ts';
import { lastingCall } from './sideEffects.ts';
import { standInModifierBody } from './standInModifiers.ts';

type Tree = Record<string, unknown>;

/** Whether one parsed statement is a statement of the kept object's own kind (and only creates it). */
const statementOfKind: Record<SqlObjectKind, (s: ParsedStatement) => boolean> = {
  // A bare CREATE SCHEMA: objects created inside it (schemaElts) are kept apart, each as its own kind.
  schema: (s) => s.kind === 'CreateSchemaStmt' && !((s.node.schemaElts as unknown[] | undefined)?.length ?? 0),
  collation: (s) => s.kind === 'DefineStmt' && s.node.kind === 'OBJECT_COLLATION',
  extension: (s) => s.kind === 'CreateExtensionStmt',
  domain: (s) => s.kind === 'CreateDomainStmt',
  type: (s) =>
    ['CompositeTypeStmt', 'CreateEnumStmt', 'CreateRangeStmt'].includes(s.kind) ||
    (s.kind === 'DefineStmt' && s.node.kind === 'OBJECT_TYPE'),
  sequence: (s) => s.kind === 'CreateSeqStmt',
  function: (s) => s.kind === 'CreateFunctionStmt' && runsInSandbox(s.node),
  aggregate: (s) => s.kind === 'DefineStmt' && s.node.kind === 'OBJECT_AGGREGATE',
  view: (s) => s.kind === 'ViewStmt',
  // WITH NO DATA: creating it must never run its query.
  materializedView: (s) =>
    s.kind === 'CreateTableAsStmt' && s.node.objtype === 'OBJECT_MATVIEW' && (s.node.into as Tree | undefined)?.skipData === true,
  index: (s) => s.kind === 'IndexStmt',
  constraint: (s) =>
    s.kind === 'AlterTableStmt' &&
    Array.isArray(s.node.cmds) &&
    (s.node.cmds as Tree[]).every((c) => (c.AlterTableCmd as Tree | undefined)?.subtype === 'AT_AddConstraint'),
  trigger: (s) => s.kind === 'CreateTrigStmt',
};

const kindWords: Record<SqlObjectKind, string> = {
  schema: 'CREATE SCHEMA',
  collation: 'CREATE COLLATION',
  extension: 'CREATE EXTENSION',
  domain: 'CREATE DOMAIN',
  type: 'CREATE TYPE',
  sequence: 'CREATE SEQUENCE',
  function: 'CREATE FUNCTION or PROCEDURE in SQL or PL/pgSQL',
  aggregate: 'CREATE AGGREGATE',
  view: 'CREATE VIEW',
  materializedView: 'CREATE MATERIALIZED VIEW … WITH NO DATA',
  index: 'CREATE INDEX',
  constraint: 'ALTER TABLE … ADD CONSTRAINT',
  trigger: 'CREATE TRIGGER',
};

/** Option values of a CREATE FUNCTION (`language`, `as`), as text. */
function functionOptions(node: Tree): Map<string, string[]> {
  const options = new Map<string, string[]>();
  for (const option of (node.options as Tree[] | undefined) ?? []) {
    const def = option.DefElem as { defname: string; arg?: Tree } | undefined;
    if (!def) continue;
    const arg = def.arg ?? {};
    const values =
      'String' in arg
        ? [(arg.String as { sval: string }).sval]
        : 'List' in arg
          ? ((arg.List as { items: Tree[] }).items ?? []).map((i) => (i.String as { sval: string } | undefined)?.sval ?? '')
          : [];
    options.set(def.defname, values);
  }
  return options;
}

/** PostgreSQL's trusted procedural languages: code in them cannot reach the server's files or programs. */
const trustedLanguages = new Set(['sql', 'plpgsql', 'plperl', 'pltcl', 'plv8']);

/** C and internal functions run code outside PostgreSQL's sandbox, and so do untrusted languages (`plpython3u`, `plsh`). */
function runsInSandbox(node: Tree): boolean {
  return trustedLanguages.has((functionOptions(node).get('language')?.[0] ?? 'sql').toLowerCase());
}

/** The internal functions a stand-in type is made of (text in and out, a varchar-like modifier). */
/** A type name in a parse tree, as written: its last name part, `[]` for an array. */
function typeText(typeName: unknown): string {
  const t = (typeName ?? {}) as { names?: { String?: { sval: string } }[]; arrayBounds?: unknown[] };
  return `${t.names?.at(-1)?.String?.sval ?? ''}${t.arrayBounds?.length ? '[]' : ''}`;
}

/**
 * The internal functions a stand-in type may be made of, each with the only signature that is safe to
 * call it with (`stand-in` is a type the stand-in itself declares): any other signature makes
 * PostgreSQL read memory as the wrong type, and can crash a server.
 */
const standInSymbols: Record<string, { args: string[]; returns: string }> = {
  textin: { args: ['cstring'], returns: 'stand-in' },
  textout: { args: ['stand-in'], returns: 'cstring' },
  varchartypmodin: { args: ['cstring[]'], returns: 'int4' },
  varchartypmodout: { args: ['int4'], returns: 'cstring' },
};

/** A stand-in's statements: shell and base types, internal text functions with their own signatures, and the one modifier function. */
function isStandInStatement(s: ParsedStatement, declared: ReadonlySet<string>): boolean {
  if (s.kind === 'DefineStmt') return s.node.kind === 'OBJECT_TYPE';
  if (s.kind !== 'CreateFunctionStmt') return false;
  const options = functionOptions(s.node);
  const language = options.get('language')?.[0]?.toLowerCase();
  if (language === 'plpgsql') return (options.get('as') ?? []).join('') === standInModifierBody;
  const symbols = options.get('as') ?? [];
  const signature = symbols.length === 1 ? standInSymbols[symbols[0]!] : undefined;
  if (language !== 'internal' || !signature) return false;
  const fits = (written: string, wanted: string) => (wanted === 'stand-in' ? declared.has(written) : written === wanted);
  const args = ((s.node.parameters as { FunctionParameter?: { argType?: unknown } }[] | undefined) ?? []).map((p) =>
    typeText(p.FunctionParameter?.argType),
  );
  return (
    args.length === signature.args.length &&
    args.every((a, i) => fits(a, signature.args[i]!)) &&
    fits(typeText(s.node.returnType), signature.returns)
  );
}

/** The types a stand-in declares (`CREATE TYPE x;`), by the last part of their name. */
function declaredTypes(statements: readonly ParsedStatement[]): Set<string> {
  const names = statements
    .filter((s) => s.kind === 'DefineStmt' && s.node.kind === 'OBJECT_TYPE')
    .map((s) => (s.node.defnames as { String?: { sval: string } }[] | undefined)?.at(-1)?.String?.sval ?? '');
  return new Set(names.filter(Boolean));
}

/**
 * Checks a kept SQL object's text with PostgreSQL's parser: exactly one statement, of the object's own
 * kind (a `domain` is one CREATE DOMAIN, never a COMMIT or a DROP), so nothing else can ride along
 * into the DDL or a proof. Its stand-in, when it has one, may only make stand-in types. Returns what
 * is wrong, or undefined.
 */
export function checkSqlObject(object: SqlObject): string | undefined {
  const key = `${object.kind}\u0000${object.sql}\u0000${object.standIn ?? ''}`;
  if (verdicts.has(key)) return verdicts.get(key);
  const verdict = readSqlObject(object);
  if (verdicts.size > 5_000) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

/** Validation runs on every edit; each kept object's text is parsed once. */
const verdicts = new Map<string, string | undefined>();

function readSqlObject(object: SqlObject): string | undefined {
  const parsed = parseSql(object.sql);
  const [only] = 'error' in parsed ? [] : parsed.statements;
  if (object.kind === 'function' && only?.kind === 'CreateFunctionStmt' && !runsInSandbox(only.node)) {
    const language = functionOptions(only.node).get('language')?.[0] ?? '';
    return `is in LANGUAGE ${language}, which runs code outside PostgreSQL's sandbox: only functions in SQL, PL/pgSQL or another trusted language are kept`;
  }
  if (object.kind === 'extension' && only?.kind === 'CreateExtensionStmt' && only.node.extname !== object.name) {
    // Proofs create an extension by its name: the name must be the one the SQL creates.
    return `is named "${object.name}" but its SQL creates "${String(only.node.extname)}"`;
  }
  const problem = checkStatements(
    object.sql,
    (statements) => statements.length === 1 && statementOfKind[object.kind](statements[0]!),
    `one ${kindWords[object.kind]} statement`,
  );
  if (problem) return problem;
  if (object.standIn === undefined) return undefined;
  if (object.kind !== 'extension') return 'only an extension may have stand-in types';
  const standIn = checkStatements(
    object.standIn,
    (statements) => statements.every((statement) => isStandInStatement(statement, declaredTypes(statements))),
    'stand-in types (CREATE TYPE and internal text functions)',
  );
  return standIn ? `its stand-in ${standIn}` : undefined;
}

function checkStatements(sql: string, fits: (statements: ParsedStatement[]) => boolean, mustBe: string): string | undefined {
  const bidi = /[\u202a-\u202e\u2066-\u2069]/u.exec(sql);
  if (bidi)
    return `contains a text-direction character (U+${bidi[0].codePointAt(0)!.toString(16).toUpperCase()}) at line ${sql.slice(0, bidi.index).split('\n').length}, which makes code read differently from what it does`;
  const parsed = parseSql(sql);
  if ('error' in parsed) {
    const line = parsed.error.offset >= 0 ? sql.slice(0, parsed.error.offset).split('\n').length : undefined;
    return `is not SQL PostgreSQL can read: ${parsed.error.message}${line ? ` (line ${line})` : ''}`;
  }
  const lasting = lastingCall(parsed.statements.map((s) => s.node));
  if (lasting)
    return `calls ${lasting}(), whose effects outlive the transaction (or reach files, other sessions or servers); a proof could not undo them`;
  if (!fits(parsed.statements)) {
    const kinds = parsed.statements.map((s) =>
      s.text
        .replace(/^CREATE\s+OR\s+REPLACE\s+/i, 'CREATE ')
        .split(/\s+/)
        .slice(0, 2)
        .join(' ')
        .toUpperCase(),
    );
    return `must be ${mustBe}, but is ${kinds.length === 0 ? 'empty' : kinds.join('; ')}`;
  }
  const tokens = scanSql(sql)?.filter((t) => t.name !== 'SQL_COMMENT' && t.name !== 'C_COMMENT') ?? [];
  // The DDL puts the next statement right after it: without its semicolon the two would run together.
  if (tokens.at(-1)?.text !== ';') return 'must end with a semicolon';
  return undefined;
}
