/** Words that would add a constraint or clause to a column definition, which a type or default must never do. */
const columnClauseWords = new Set(['primary', 'references', 'check', 'unique', 'constraint', 'generated', 'default', 'deferrable', 'initially', 'not', 'null']);

/**
 * Checks user-typed SQL fragments (a column type, a default, a CHECK expression) that the DDL embeds
 * as they are. A fragment may not end its statement, open a comment, leave its place in the column
 * list or add constraints the diagram does not show, so a shared document can never smuggle SQL
 * into exported DDL. Returns what is wrong, or undefined when the fragment is safe to embed.
 */
export function checkSqlFragment(text: string, what: 'type' | 'default' | 'check'): string | undefined {
  const key = `${what}\u0000${text}`;
  if (verdicts.has(key)) return verdicts.get(key);
  const verdict = scanFragment(text, what);
  if (verdicts.size > 10_000) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

/** Schemas repeat the same few types and defaults thousands of times; each text is scanned once. */
const verdicts = new Map<string, string | undefined>();

function scanFragment(text: string, what: 'type' | 'default' | 'check'): string | undefined {
  if (text.trim() === '') return `the ${what} is empty`;
  if (hasControlCharacter(text)) return `the ${what} contains a control character (a line break or tab)`;
  if (what === 'type' && !/^[\p{L}\p{N}_ (),.[\]"]+$/u.test(text)) {
    return 'a type may contain only letters, digits, spaces, underscores, dots, commas, quotes, () and []';
  }
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === "'" || ch === '"') {
      const isEscapeString = ch === "'" && /[eE]/.test(text[i - 1] ?? '') && !/[\p{L}\p{N}_$]/u.test(text[i - 2] ?? '');
      const close = skipQuoted(text, i, ch, isEscapeString);
      if (close < 0) return `the ${what} has an unclosed ${ch === "'" ? 'string' : 'quoted name'}: close it with ${ch}`;
      i = close;
    } else if (ch === '$') {
      return `the ${what} contains $; dollar quoting and parameters are not allowed here`;
    } else if (ch === ';') {
      return `the ${what} contains ";", which would end the statement`;
    } else if ((ch === '-' && next === '-') || (ch === '/' && next === '*') || (ch === '*' && next === '/')) {
      return `the ${what} contains a comment marker (${ch}${next})`;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      if (--depth < 0) return `the ${what} has a ")" without its "("`;
    } else if (ch === ',' && depth === 0) {
      return `the ${what} contains a comma outside parentheses`;
    } else if (depth === 0 && what !== 'check' && /[\p{L}_]/u.test(ch) && !/[\p{L}\p{N}_$]/u.test(text[i - 1] ?? '')) {
      const word = /^[\p{L}_][\p{L}\p{N}_$]*/u.exec(text.slice(i))![0];
      const isNullDefault = what === 'default' && word.toLowerCase() === 'null' && text.trim().toLowerCase() === 'null';
      if (columnClauseWords.has(word.toLowerCase()) && !isNullDefault) {
        return `the ${what} contains ${word.toUpperCase()}, which would add to the column definition; use the column's own settings instead`;
      }
      i += word.length - 1;
    }
  }
  return depth === 0 ? undefined : `the ${what} has a "(" without its ")"`;
}

/** Index of the quote closing the one at `start` (doubled quotes escape; in E'' strings, backslashes too), or -1. */
function skipQuoted(text: string, start: number, quote: string, backslashEscapes: boolean): number {
  for (let i = start + 1; i < text.length; i++) {
    if (backslashEscapes && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== quote) continue;
    if (text[i + 1] === quote) i++;
    else return i;
  }
  return -1;
}

/** Line breaks, tabs and other control characters can end a `--` comment or hide text; names and fragments refuse them. */
export function hasControlCharacter(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return /[\u0000-\u001f\u007f]/.test(text);
}
