import { parseSql, scanSql, type SqlToken } from './postgresParser.ts';
import { lastingCall } from './sideEffects.ts';

/** The places where the DDL embeds SQL text from a document as it is. */
export type FragmentKind = 'type' | 'default' | 'check' | 'generated' | 'indexExpression' | 'indexPredicate';

/** How each kind of fragment is read: inside the smallest statement that holds it, and what that statement must then be. */
interface Place {
  /** What the fragment is, in messages. */
  what: string;
  /** What it must parse as, in messages. */
  mustBe: string;
  before: string;
  after: string;
  /** Whether the statement PostgreSQL parsed holds the fragment as exactly the one thing the place allows. */
  fits(node: Record<string, unknown>): boolean;
}

type Tree = Record<string, unknown>;
const list = (value: unknown): Tree[] => (Array.isArray(value) ? (value as Tree[]) : []);
const only = (value: unknown, key: string): Tree | undefined => {
  const items = list(value);
  return items.length === 1 ? (items[0]![key] as Tree | undefined) : undefined;
};

/** A table with one column whose constraints are exactly `contypes` and that has no COLLATE of its own. */
function isOneColumn(node: Tree, contypes: string[]): boolean {
  const column = only(node.tableElts, 'ColumnDef');
  if (!column || column.collClause !== undefined || column.typeName === undefined) return false;
  // STORAGE, COMPRESSION and SETOF are clauses of their own, not part of a type.
  if (column.storage_name !== undefined || column.compression !== undefined || (column.typeName as Tree).setof) return false;
  const constraints = list(column.constraints).map((c) => (c.Constraint as Tree | undefined)?.contype);
  return constraints.length === contypes.length && constraints.every((c, i) => c === contypes[i]);
}

const places: Record<FragmentKind, Place> = {
  type: { what: 'type', mustBe: 'one type name', before: 'CREATE TABLE t (c ', after: ')', fits: (n) => isOneColumn(n, []) },
  default: {
    what: 'default',
    mustBe: 'one expression',
    before: 'CREATE TABLE t (c int DEFAULT ',
    after: ')',
    fits: (n) => isOneColumn(n, ['CONSTR_DEFAULT']),
  },
  generated: {
    what: 'generated expression',
    mustBe: 'one expression',
    before: 'CREATE TABLE t (c int GENERATED ALWAYS AS (',
    after: ') STORED)',
    fits: (n) => isOneColumn(n, ['CONSTR_GENERATED']),
  },
  check: {
    what: 'check',
    mustBe: 'one boolean expression',
    before: 'CREATE TABLE t (CHECK (',
    after: '))',
    fits: (n) => {
      const check = only(n.tableElts, 'Constraint');
      return check?.contype === 'CONSTR_CHECK' && !check.is_no_inherit && !check.skip_validation;
    },
  },
  indexExpression: {
    what: 'index expression',
    mustBe: 'one expression',
    before: 'CREATE INDEX ON t ((',
    after: '))',
    fits: (n) => list(n.indexParams).length === 1 && n.whereClause === undefined,
  },
  indexPredicate: {
    what: 'index predicate',
    mustBe: 'one boolean expression',
    before: 'CREATE INDEX ON t (c) WHERE ',
    after: '',
    fits: (n) => list(n.indexParams).length === 1 && n.whereClause !== undefined,
  },
};

const statementKind: Record<FragmentKind, string> = {
  type: 'CreateStmt',
  default: 'CreateStmt',
  generated: 'CreateStmt',
  check: 'CreateStmt',
  indexExpression: 'IndexStmt',
  indexPredicate: 'IndexStmt',
};

/**
 * Checks SQL text from a document that the DDL embeds as it is (a column type, a default, a CHECK or
 * generated expression, an index expression or predicate). PostgreSQL's own parser reads it in the
 * smallest statement that holds it, and it must be exactly the one thing its place allows: so a shared
 * document can never smuggle a statement, a comment or a constraint the diagram does not show into
 * exported DDL. Returns what is wrong (and where), or undefined when the fragment is safe to embed.
 */
export function checkSqlFragment(text: string, kind: FragmentKind): string | undefined {
  const key = `${kind}\u0000${text}`;
  if (verdicts.has(key)) return verdicts.get(key);
  const verdict = readFragment(text, kind);
  if (verdicts.size > 10_000) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

/** Schemas repeat the same few types and defaults thousands of times; each text is parsed once. */
const verdicts = new Map<string, string | undefined>();

function readFragment(text: string, kind: FragmentKind): string | undefined {
  const place = places[kind];
  if (text.trim() === '') return `the ${place.what} is empty`;
  const tokens = scanSql(text);
  if (!tokens) return `the ${place.what} is not SQL PostgreSQL can read (an unclosed string or quoted name?)`;
  // Inside a string constant a line break or tab is data (PostgreSQL prints `E'\t'` back as a real tab); elsewhere it could end a comment.
  const hidden = hiddenCharacterProblem(outsideStrings(text, tokens));
  if (hidden) return `the ${place.what} contains ${hidden}`;
  const tokenProblem = checkTokens(tokens, place.what);
  if (tokenProblem) return tokenProblem;
  const parsed = parseSql(`${place.before}${text}${place.after}`);
  if ('error' in parsed) {
    const at = parsed.error.offset - place.before.length;
    if (at >= text.length) return `the ${place.what} is not ${place.mustBe} for PostgreSQL: it ends before the ${place.what} is complete`;
    const where = at >= 0 ? ` (character ${at + 1})` : '';
    return `the ${place.what} is not ${place.mustBe} for PostgreSQL: ${parsed.error.message}${where}`;
  }
  const [statement, ...rest] = parsed.statements;
  if (!statement || rest.length > 0 || statement.kind !== statementKind[kind] || !place.fits(statement.node)) {
    return `the ${place.what} must be ${place.mustBe} and nothing else (no constraint, COLLATE or other clause); use the column's own settings for those`;
  }
  const lasting = lastingCall(statement.node);
  if (lasting)
    return `the ${place.what} calls ${lasting}(), whose effects outlive the transaction (or reach files, other sessions or servers); a proof could not undo them`;
  return undefined;
}

/** The text with its string constants blanked out (same length), so checks on it see only the SQL around them. */
function outsideStrings(text: string, tokens: readonly SqlToken[]): string {
  let out = text;
  for (const t of tokens) {
    if (t.name !== 'SCONST' && t.name !== 'USCONST') continue;
    // eslint-disable-next-line no-control-regex -- blanking control characters is the point
    const inner = t.text.replace(/[\u0000-\u001f\u007f]/g, ' ');
    out = out.slice(0, t.offset) + inner + out.slice(t.offset + t.text.length);
  }
  return out;
}

/**
 * What the fragment may not hold whatever PostgreSQL makes of it: a statement separator, a comment
 * (it would swallow the rest of its line in the DDL), or a parenthesis or comma that leaves its place.
 */
function checkTokens(tokens: readonly SqlToken[], what: string): string | undefined {
  let depth = 0;
  for (const token of tokens) {
    const at = `(character ${token.offset + 1})`;
    if (token.name === 'SQL_COMMENT' || token.name === 'C_COMMENT') return `the ${what} contains a comment ${at}; remove it`;
    if (token.text === ';') return `the ${what} contains ";", which would end the statement ${at}`;
    if (token.text === '(' || token.text === '[') depth++;
    if (token.text === ')' || token.text === ']') depth--;
    if (depth < 0) return `the ${what} has a "${token.text}" without its opening bracket ${at}`;
    if (token.text === ',' && depth === 0) return `the ${what} contains a comma outside parentheses ${at}`;
  }
  return depth === 0 ? undefined : `the ${what} has a "(" without its ")"`;
}

/** Line breaks, tabs and other control characters can end a `--` comment or hide text; names and fragments refuse them. */
export function hasControlCharacter(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return /[\u0000-\u001f\u007f]/.test(text);
}

/** Bidirectional and invisible format characters make text read differently from what it is (`U+202E evil` shows as "live"). */
const invisibleFormat = /[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0]/u;

/** What hidden character a name or fragment holds, in words with its code point, or undefined when it holds none. */
export function hiddenCharacterProblem(text: string): string | undefined {
  if (hasControlCharacter(text)) return 'a control character (a line break or tab)';
  const match = invisibleFormat.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `an invisible or text-direction character (U+${code}) at character ${match.index + 1}, which makes it read differently from what it is`;
}

/**
 * Text as it may be shown: each invisible, text-direction or control character written as `<U+202E>`,
 * so a name that would read "live" shows what it holds (canvas, images and messages alike).
 */
export function visibleText(text: string): string {
  return text.replace(
    new RegExp(`${invisibleFormat.source}|[\\u0000-\\u001f\\u007f]`, 'gu'),
    (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}
