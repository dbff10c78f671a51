import { defaultSchemaName } from '../model/index.ts';
import type { DdlOptions } from './options.ts';
import { quoteIdent, quoteLiteral } from './quoteIdent.ts';

/** The schema an object ends up in, after the "one schema" option. */
export function effectiveSchema(schemaName: string, options: DdlOptions): string {
  return options.schemaName ?? schemaName;
}

/** `name`, or `schema.name` when the object is not in public or the user asked for one schema. */
export function qualifiedName(schemaName: string, name: string, options: DdlOptions): string {
  const schema = effectiveSchema(schemaName, options);
  return options.schemaName === null && schema === defaultSchemaName ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** A comma-separated list of quoted identifiers. */
export function identList(names: readonly string[]): string {
  return names.map(quoteIdent).join(', ');
}

/** Wraps a function or DO body in dollar quotes whose tag cannot occur inside it. */
export function dollarQuote(body: string): string {
  let tag = '$erd$';
  for (let n = 1; body.includes(tag); n++) tag = `$erd${n}$`;
  return `${tag}\n${body}\n${tag}`;
}

/**
 * For re-runnable scripts: runs a statement PostgreSQL has no IF NOT EXISTS for, ignoring
 * "already exists". Without the option the statement is returned unchanged.
 */
export function unlessExists(sql: string, options: DdlOptions): string {
  if (!options.ifNotExists) return sql;
  return `DO ${dollarQuote(`BEGIN\n${sql}\nEXCEPTION WHEN duplicate_object OR duplicate_table THEN NULL;\nEND`)};`;
}

/**
 * For re-runnable scripts: runs a statement whose text comes from the document (a kept view or
 * function, a CHECK calling one) through EXECUTE of a string, so PL/pgSQL never parses or rewrites it,
 * ignoring "already exists". Without the option the statement is returned unchanged.
 */
export function executedUnlessExists(sql: string, options: DdlOptions): string {
  if (!options.ifNotExists) return sql;
  const ignored = 'duplicate_object OR duplicate_table OR duplicate_function OR duplicate_schema';
  return `DO ${dollarQuote(`BEGIN\nEXECUTE ${quoteLiteral(sql)};\nEXCEPTION WHEN ${ignored} THEN NULL;\nEND`)};`;
}

/** A `--` comment, one per line; names cannot hold control characters (validation refuses them), so no line ends early. */
export function sqlComment(text: string): string {
  return text
    .split('\n')
    .map((line) => `-- ${line}`)
    .join('\n');
}

/** `IF NOT EXISTS ` when the script should be re-runnable, else nothing. */
export function ifNotExists(options: DdlOptions): string {
  return options.ifNotExists ? 'IF NOT EXISTS ' : '';
}
