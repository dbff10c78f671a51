/**
 * What the importer does with a statement: run it, skip it under a label (data, roles, privileges,
 * transaction control), or try it and skip it under the label if PostgreSQL refuses (SET, CREATE EXTENSION).
 */
export type StatementAction = { action: 'run' } | { action: 'skip'; label: string } | { action: 'try'; label: string };

/** The first words of a statement, lower case, comments and quotes aside: enough to classify it. */
export function leadingWords(sql: string, count = 6): string[] {
  const words: string[] = [];
  const re = /"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$.]*|\S/g;
  const text = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  for (let m = re.exec(text); m && words.length < count; m = re.exec(text)) words.push(m[0].toLowerCase());
  return words;
}

const dataStatements = new Set(['insert', 'update', 'delete', 'merge', 'truncate', 'values', 'table', 'with']);
const maintenance = new Set([
  'vacuum',
  'analyze',
  'analyse',
  'cluster',
  'reindex',
  'checkpoint',
  'lock',
  'notify',
  'listen',
  'unlisten',
  'discard',
  'prepare',
  'execute',
  'deallocate',
  'refresh',
  'load',
  'call',
  'explain',
  'fetch',
  'declare',
  'close',
  'move',
  'show',
]);
const transactionControl = new Set(['begin', 'start', 'commit', 'end', 'rollback', 'abort', 'savepoint', 'release']);
const serverObjects = new Set(['role', 'user', 'group', 'publication', 'subscription', 'database', 'tablespace', 'server', 'system']);

/** Classifies one statement of an imported script (see `StatementAction`). */
export function classifyStatement(sql: string): StatementAction {
  const words = leadingWords(sql);
  const [first = '', second = '', third = ''] = words;
  if (first === 'copy') return { action: 'skip', label: 'COPY' };
  if (dataStatements.has(first)) return { action: 'skip', label: first.toUpperCase() };
  if (isClientEncoding(sql, words)) return { action: 'skip', label: 'SET client_encoding' };
  if (first === 'select') {
    // Only with literal arguments: a query inside could run for ever, and PGlite cannot time statements out.
    if (/^select\s+(pg_catalog\.)?set_config\s*\(\s*'[^']*'\s*,\s*'[^']*'\s*,\s*(true|false)\s*\)\s*;?$/i.test(sql.trim()))
      return { action: 'run' };
    if (/^select\s+(pg_catalog\.)?setval\s*\(/i.test(sql.trim())) return { action: 'skip', label: 'setval' };
    return { action: 'skip', label: 'SELECT' };
  }
  if (transactionControl.has(first)) return { action: 'skip', label: 'transaction control' };
  if (maintenance.has(first)) return { action: 'skip', label: first.toUpperCase() };
  if (first === 'grant' || first === 'revoke') return { action: 'skip', label: first.toUpperCase() };
  if (first === 'security' || (first === 'alter' && second === 'default' && third === 'privileges'))
    return { action: 'skip', label: 'privileges' };
  if ((first === 'create' || first === 'alter' || first === 'drop') && serverObjects.has(second))
    return { action: 'skip', label: `${first.toUpperCase()} ${second.toUpperCase()}` };
  if (first === 'create' && second === 'user' && third === 'mapping') return { action: 'skip', label: 'CREATE USER MAPPING' };
  if (first === 'comment' && third !== '' && ['database', 'role', 'tablespace', 'publication', 'subscription', 'server'].includes(third))
    return { action: 'skip', label: 'COMMENT ON server object' };
  if (first === 'alter' && /\bowner\s+to\s+("(?:[^"]|"")*"|\S+)\s*;?\s*$/i.test(sql)) return { action: 'skip', label: 'OWNER TO' };
  if ((first === 'set' || first === 'reset') && (second === 'role' || second === 'session'))
    return { action: 'skip', label: `${first.toUpperCase()} ${second.toUpperCase()}` };
  if (first === 'set' || first === 'reset') return { action: 'try', label: first.toUpperCase() };
  if (first === 'create' && second === 'extension') return { action: 'try', label: 'CREATE EXTENSION' };
  return { action: 'run' };
}

/**
 * SET client_encoding (or NAMES), in any spelling: the script is already Unicode text, and PostgreSQL told
 * to read it as LATIN1 mangles every later non-ASCII character (an import then hung until its time limit).
 */
function isClientEncoding(sql: string, words: readonly string[]): boolean {
  const [first = '', second = '', third = ''] = words;
  const setting = second === 'local' || second === 'session' ? third : second;
  if ((first === 'set' || first === 'reset') && (setting === 'client_encoding' || setting === 'names')) return true;
  return first === 'select' && /^select\s+(pg_catalog\.)?set_config\s*\(\s*'client_encoding'/i.test(sql.trim());
}

/** `CREATE INDEX CONCURRENTLY` cannot run in the import's transaction; without the word it means the same to the catalog. */
export function withoutConcurrently(sql: string): string {
  return /^\s*(create\s+(unique\s+)?index|drop\s+index)\s+concurrently\b/i.test(sql) ? sql.replace(/\s+concurrently\b/i, '') : sql;
}

const name = String.raw`(?:"(?:[^"]|"")*"|[\w$]+)(?:\s*\.\s*(?:"(?:[^"]|"")*"|[\w$]+))?`;
const createsWithData = new RegExp(
  String.raw`^\s*create\s+(?:(?:or\s+replace\s+)?materialized\s+view|(?:(?:global|local)\s+)?(?:temp|temporary|unlogged)?\s*table)\s+(?:if\s+not\s+exists\s+)?${name}\s+(?:\([^)]*\)\s*)?(?:using\s+\w+\s+)?(?:with\s*\([^)]*\)\s*)?(?:tablespace\s+\S+\s+)?as\s`,
  'i',
);

/**
 * CREATE MATERIALIZED VIEW and CREATE TABLE ... AS get `WITH NO DATA`: the import reads only the
 * catalog, and running their query could take for ever (PGlite has no statement timeout).
 */
export function withNoData(sql: string): string {
  if (!createsWithData.test(sql) || /\bwith\s+no\s+data\s*;?\s*$/i.test(sql)) return sql;
  const body = sql.replace(/\s*;?\s*$/, '').replace(/\s+with\s+data$/i, '');
  return `${body}\nWITH NO DATA;`;
}

/** The extension a CREATE EXTENSION statement names. */
export function extensionName(sql: string): string {
  const words = leadingWords(sql, 8).filter((w) => !['create', 'extension', 'if', 'not', 'exists'].includes(w));
  return (words[0] ?? '').replace(/^"|"$/g, '');
}

/** Counts per label, in the words of a short summary: "skipped: 12 GRANT, 3 OWNER TO, 200 COPY rows". */
export function describeSkipped(skipped: Readonly<Record<string, number>>): string {
  const parts = Object.entries(skipped).map(([label, count]) => `${count} ${label}`);
  return parts.length === 0 ? 'nothing skipped' : `skipped: ${parts.join(', ')}`;
}
