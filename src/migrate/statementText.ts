/**
 * Reads names back out of the generator's own statements, so a migration names every constraint, index
 * and trigger exactly as the DDL does without a second copy of the naming rules. The text read here is
 * the generator's (identifiers through quoteIdent), never a user's SQL.
 */

const identifier = String.raw`(?:"(?:[^"]|"")*"|[a-z_][a-z0-9_$]*)`;

/** The name an identifier written by quoteIdent stands for. */
export function unquote(text: string): string {
  return text.startsWith('"') ? text.slice(1, -1).replaceAll('""', '"') : text;
}

/** A `CONSTRAINT name definition` line of a CREATE TABLE. */
export interface ConstraintLine {
  name: string;
  /** What follows the name: `PRIMARY KEY (id)`, `UNIQUE (email)`, `CHECK (price >= 0)`. */
  definition: string;
}

/** The table constraints of a generated CREATE TABLE, in order. */
export function constraintLines(createTableSql: string): ConstraintLine[] {
  const lines = createTableSql.split('\n').slice(1, -1);
  const found: ConstraintLine[] = [];
  for (const line of lines) {
    const match = line.startsWith('  CONSTRAINT ') ? constraintLine.exec(line) : null;
    if (match) found.push({ name: unquote(match[1]!), definition: match[2]! });
  }
  return found;
}

// Flag s: a quoted name may hold U+2028 or U+2029, which `.` does not match otherwise.
const constraintLine = new RegExp(String.raw`^  CONSTRAINT (${identifier}) (.*?),?$`, 's');

/** The name, uniqueness and column names of a generated CREATE [UNIQUE] INDEX. */
export function createdIndex(sql: string): { name: string; isUnique: boolean; columns: string[] } {
  const match = createIndex.exec(sql);
  if (!match) throw new Error(`not a generated CREATE INDEX: ${sql}`);
  const columns = [...match[3]!.matchAll(identifiers)].map((m) => unquote(m[0]));
  return { name: unquote(match[2]!), isUnique: match[1] !== undefined, columns };
}

const createIndex = new RegExp(String.raw`^CREATE (UNIQUE )?INDEX (${identifier}) ON .* \((.*)\);$`, 's');
const identifiers = new RegExp(identifier, 'g');

/** The table a generated constraint trigger is on and the function it runs, as SQL references. */
export function triggerParts(sql: string): { tableRef: string; functionRef: string } {
  const table = /\n {2}AFTER [A-Z ]+ ON ([^\n]*)\n/.exec(sql);
  const fn = /EXECUTE FUNCTION ([^\n]*)\(\);$/.exec(sql);
  if (!table || !fn) throw new Error(`not a generated constraint trigger: ${sql}`);
  return { tableRef: table[1]!, functionRef: fn[1]! };
}
