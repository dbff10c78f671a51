import { loadModule, parseSync, scanSync, type Node } from 'libpg-query';

// PostgreSQL's own parser (libpg_query, compiled to WebAssembly) is loaded once, before any module
// that checks SQL text runs, so the model's checks stay synchronous in Node, workers and the page.
await loadModule();

/** One statement as PostgreSQL's grammar reads it: its node type (`CreateStmt`), its tree and its text. */
export interface ParsedStatement {
  kind: string;
  node: Record<string, unknown>;
  text: string;
  /** 0-based character offset of `text` in the whole script. */
  offset: number;
}

/** Where PostgreSQL's parser stopped: its message and the 0-based character offset into the text. */
export interface ParseError {
  message: string;
  offset: number;
}

/** A script as PostgreSQL reads it: its statements, or the first syntax error. */
export type ParseOutcome = { statements: ParsedStatement[] } | { error: ParseError };

/** One lexical token (keywords, names, strings, operators, comments) as PostgreSQL's scanner reads it. */
export interface SqlToken {
  /** The scanner's token name: `IDENT`, `SCONST`, `SQL_COMMENT`, `C_COMMENT`, `ASCII_59` (`;`)... */
  name: string;
  text: string;
  /** 0-based character offset of the token in the text. */
  offset: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Splits and parses SQL text exactly as PostgreSQL 18 would: what is one statement, where a string
 * or a comment ends and which node each statement is are PostgreSQL's decisions, never a lexer of ours.
 */
export function parseSql(sql: string): ParseOutcome {
  if (isBlank(sql)) return { statements: [] };
  let result;
  try {
    result = parseSync(sql);
  } catch (error) {
    return { error: asParseError(error, sql) };
  }
  // The parser's offsets count UTF-8 bytes.
  const bytes = encoder.encode(sql);
  const charOffset = byteToCharOffsets(sql, bytes.length);
  const statements = (result.stmts ?? []).map((raw): ParsedStatement => {
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len ? start + raw.stmt_len : bytes.length;
    const [kind, node] = Object.entries(raw.stmt as Node)[0]!;
    const whole = decoder.decode(bytes.subarray(start, end));
    // A statement's span starts after the previous semicolon, so it may begin with comments.
    const first = scanSql(whole)?.find((t) => t.name !== 'SQL_COMMENT' && t.name !== 'C_COMMENT')?.offset ?? 0;
    const text = whole.slice(first).trim();
    return { kind, node: node as Record<string, unknown>, text, offset: charOffset(start) + first };
  });
  return { statements };
}

/** Nothing but spaces and comments: no statement at all (the parser calls that an error). */
function isBlank(sql: string): boolean {
  if (sql.trim() === '') return true;
  return scanSql(sql)?.every((t) => t.name === 'SQL_COMMENT' || t.name === 'C_COMMENT') ?? false;
}

/** The tokens of SQL text as PostgreSQL's scanner reads them, comments included; undefined when it cannot be scanned. */
export function scanSql(sql: string): SqlToken[] | undefined {
  let result;
  try {
    result = scanSync(sql);
  } catch {
    return undefined;
  }
  const bytes = encoder.encode(sql);
  const charOffset = byteToCharOffsets(sql, bytes.length);
  return result.tokens.map((t) => ({
    name: t.tokenName,
    text: decoder.decode(bytes.subarray(t.start, t.end)),
    offset: charOffset(t.start),
  }));
}

/** Maps a UTF-8 byte offset of `text` to its JavaScript string offset. */
function byteToCharOffsets(text: string, byteLength: number): (byte: number) => number {
  const table = new Int32Array(byteLength + 1);
  let byte = 0;
  let index = 0;
  for (const ch of text) {
    const size = encoder.encode(ch).length;
    for (let k = 0; k < size; k++) table[byte + k] = index;
    byte += size;
    index += ch.length;
  }
  table[byteLength] = index;
  return (b) => table[Math.min(Math.max(b, 0), byteLength)]!;
}

/** The parser counts the error position in characters (code points) from 0; JavaScript in UTF-16 units. */
function asParseError(error: unknown, sql: string): ParseError {
  const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
  const message = error instanceof Error ? error.message : String(error);
  const position = details?.cursorPosition ?? -1;
  if (position < 0) return { message, offset: -1 };
  return { message, offset: [...sql].slice(0, position).join('').length };
}
