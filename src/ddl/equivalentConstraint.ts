import type { DdlOptions } from './options.ts';
import { quoteLiteral } from './quoteIdent.ts';
import { dollarQuote } from './sqlText.ts';

/** A foreign key or UNIQUE constraint as the catalog would show it, whatever its name. */
export type ConstraintShape =
  | { kind: 'foreignKey'; tableRef: string; columns: readonly string[]; parentRef: string; parentColumns: readonly string[] }
  | { kind: 'unique'; tableRef: string; columns: readonly string[] };

/** `ARRAY[...]::name[]` of column names, for comparison with a constraint's columns in pg_constraint. */
function nameArray(columns: readonly string[]): string {
  return `ARRAY[${columns.map(quoteLiteral).join(', ')}]::name[]`;
}

/** The names of constraint `c`'s columns (`conkey` on its table, `confkey` on the referenced one), in key order. */
function keyColumns(key: 'conkey' | 'confkey', relation: 'conrelid' | 'confrelid'): string {
  return (
    `ARRAY(SELECT a.attname FROM unnest(c.${key}) WITH ORDINALITY AS k(attnum, position)` +
    ` JOIN pg_attribute a ON a.attrelid = c.${relation} AND a.attnum = k.attnum ORDER BY k.position)`
  );
}

/** The catalog condition for "an equivalent constraint is already there": same table and columns, and for a foreign key the same referenced table and columns, pair by pair. */
function equivalentExists(shape: ConstraintShape): string {
  const onTable = `c.conrelid = ${quoteLiteral(shape.tableRef)}::regclass`;
  if (shape.kind === 'unique') {
    // UNIQUE (a, b) is UNIQUE (b, a): compare as sets (a constraint never lists a column twice).
    const own = keyColumns('conkey', 'conrelid');
    const wanted = nameArray(shape.columns);
    return `SELECT FROM pg_constraint c WHERE c.contype = 'u' AND ${onTable}\n    AND ${own} @> ${wanted} AND ${own} <@ ${wanted}`;
  }
  return [
    `SELECT FROM pg_constraint c WHERE c.contype = 'f' AND ${onTable}`,
    `    AND c.confrelid = ${quoteLiteral(shape.parentRef)}::regclass`,
    `    AND ${keyColumns('conkey', 'conrelid')} = ${nameArray(shape.columns)}`,
    `    AND ${keyColumns('confkey', 'confrelid')} = ${nameArray(shape.parentColumns)}`,
  ].join('\n');
}

/**
 * For re-runnable scripts: adds a foreign key or UNIQUE constraint only when the table has no
 * equivalent one under any name (an imported database keeps its own names; an older generator chose
 * others), and ignores "already exists" for the same name. Without the option `sql` is returned unchanged.
 */
export function unlessEquivalentExists(sql: string, shape: ConstraintShape, options: DdlOptions): string {
  if (!options.ifNotExists) return sql;
  const body = `BEGIN\nIF NOT EXISTS (${equivalentExists(shape)}) THEN\n${sql}\nEND IF;\nEXCEPTION WHEN duplicate_object OR duplicate_table THEN NULL;\nEND`;
  return `DO ${dollarQuote(body)};`;
}
