/** One piece of a script: a statement, a psql meta-command (`\connect`), or the data lines of a COPY ... FROM stdin. */
export interface ScriptPiece {
  kind: 'statement' | 'metaCommand' | 'copyData';
  /** The text, from its first token to its semicolon (comments before it left out). */
  text: string;
  /** 1-based line of its first character in the whole script. */
  line: number;
  /** For `copyData`: how many data rows. */
  rows?: number;
}

const identStart = /[A-Za-z_\u0080-\uffff]/;
const identChar = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Whether a statement starts `CREATE [OR REPLACE] FUNCTION|PROCEDURE`, whose `BEGIN ATOMIC ... END` body holds semicolons. */
function isRoutine(words: readonly string[]): boolean {
  const [a, b, c, d] = words;
  return (
    a === 'create' && (b === 'function' || b === 'procedure' || (b === 'or' && c === 'replace' && (d === 'function' || d === 'procedure')))
  );
}

/**
 * Splits a SQL script into statements the way psql does, each with its 1-based line: `--` and nested
 * block comments, '' strings, E'' strings with backslash escapes, "" identifiers, $tag$ dollar quotes,
 * semicolons inside parentheses or a `BEGIN ATOMIC` body, psql meta-commands on their own line, and
 * the data rows after `COPY ... FROM stdin`, which run to a line `\.`.
 */
export function splitSql(script: string): ScriptPiece[] {
  const pieces: ScriptPiece[] = [];
  const n = script.length;
  // A byte-order mark (files saved by some Windows editors) is not SQL.
  let i = script.startsWith('\uFEFF') ? 1 : 0;
  let line = 1;
  let start = -1;
  let startLine = 0;
  let parens = 0;
  let beginDepth = 0;
  let words: string[] = [];

  const advanceTo = (to: number) => {
    for (let k = i; k < to && k < n; k++) if (script.charCodeAt(k) === 10) line++;
    i = Math.min(to, n);
  };
  const mark = () => {
    if (start < 0) {
      start = i;
      startLine = line;
    }
  };
  const finish = (end: number) => {
    const text = script.slice(start, end).trim();
    pieces.push({ kind: 'statement', text, line: startLine });
    start = -1;
    parens = 0;
    beginDepth = 0;
    words = [];
    if (/^copy\b[\s\S]*\bfrom\s+stdin\b/i.test(text)) readCopyData();
  };
  const readCopyData = () => {
    let lineEnd = script.indexOf('\n', i);
    if (lineEnd < 0) return;
    advanceTo(lineEnd + 1);
    const dataLine = line;
    let rows = 0;
    while (i < n) {
      lineEnd = script.indexOf('\n', i);
      const end = lineEnd < 0 ? n : lineEnd;
      const row = script.slice(i, end).replace(/\r$/, '');
      advanceTo(lineEnd < 0 ? n : lineEnd + 1);
      if (row === '\\.') break;
      rows++;
    }
    pieces.push({ kind: 'copyData', text: '', line: dataLine, rows });
  };

  while (i < n) {
    const ch = script[i]!;
    const next = script[i + 1];
    if (ch === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      advanceTo(end < 0 ? n : end);
    } else if (ch === '/' && next === '*') {
      let depth = 0;
      let k = i;
      while (k < n) {
        if (script[k] === '/' && script[k + 1] === '*') {
          depth++;
          k += 2;
        } else if (script[k] === '*' && script[k + 1] === '/') {
          depth--;
          k += 2;
          if (depth === 0) break;
        } else k++;
      }
      advanceTo(k);
    } else if (ch === "'") {
      mark();
      const prev = i > 0 ? script[i - 1]! : '';
      const isEscape = /[eE]/.test(prev) && (i < 2 || !identChar.test(script[i - 2]!));
      let k = i + 1;
      while (k < n) {
        if (isEscape && script[k] === '\\') k += 2;
        else if (script[k] === "'" && script[k + 1] === "'") k += 2;
        else if (script[k] === "'") break;
        else k++;
      }
      advanceTo(k + 1);
    } else if (ch === '"') {
      mark();
      let k = i + 1;
      while (k < n && !(script[k] === '"' && script[k + 1] !== '"')) k += script[k] === '"' ? 2 : 1;
      advanceTo(k + 1);
    } else if (ch === '$' && !(i > 0 && start >= 0 && identChar.test(script[i - 1]!))) {
      mark();
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(script.slice(i, i + 70));
      if (tag) {
        const end = script.indexOf(tag[0], i + tag[0].length);
        advanceTo(end < 0 ? n : end + tag[0].length);
      } else advanceTo(i + 1);
    } else if (ch === '\\' && start < 0) {
      const end = script.indexOf('\n', i);
      const text = script.slice(i, end < 0 ? n : end).trim();
      pieces.push({ kind: 'metaCommand', text, line });
      advanceTo(end < 0 ? n : end);
    } else if (ch === ';') {
      mark();
      advanceTo(i + 1);
      if (parens <= 0 && beginDepth <= 0) finish(i);
    } else if (/\s/.test(ch)) {
      advanceTo(i + 1);
    } else if (identStart.test(ch)) {
      mark();
      let k = i + 1;
      while (k < n && identChar.test(script[k]!)) k++;
      const word = script.slice(i, k).toLowerCase();
      if (words.length < 4) words.push(word);
      if (isRoutine(words)) {
        if (word === 'begin') beginDepth++;
        else if (word === 'case' && beginDepth > 0) beginDepth++;
        else if (word === 'end' && beginDepth > 0) beginDepth--;
      }
      advanceTo(k);
    } else {
      mark();
      if (ch === '(') parens++;
      else if (ch === ')') parens--;
      advanceTo(i + 1);
    }
  }
  if (start >= 0) finish(n);
  return pieces;
}
