import type { Schema, SqlObject, SqlRunner } from '../model/index.ts';

/** A piece of SQL text the document wrote itself (never rewritten by the move into one schema), and what it belongs to. */
export interface WrittenSql {
  what: string;
  sql: string;
}

/** Schemas whose names a proof's SQL may carry: the catalog, which every unqualified name reaches anyway. */
const harmless = new Set(['pg_catalog', 'information_schema']);

/**
 * The text of a schema the proof runs as written: the given kept objects (with their stand-ins), and each
 * table's column types, defaults and CHECKs. Everything else the proof runs is generated with the tables
 * moved into its own schema.
 */
export function writtenSql(schema: Schema, keptObjects: readonly SqlObject[] = schema.sqlObjects ?? []): WrittenSql[] {
  return [
    ...keptObjects.map((o) => ({ what: `kept ${o.kind} ${o.name}`, sql: [o.sql, o.standIn ?? ''].join('\n') })),
    ...schema.tables.map((t) => ({
      what: `table ${t.name}`,
      sql: [...t.columns.flatMap((c) => [c.type, c.defaultValue ?? '']), ...t.checks.map((c) => c.expression)].join('\n'),
    })),
  ];
}

/**
 * Why each piece cannot run on a server: it names one of `serverSchemas` other than the proof's `own`
 * (`public.books`, `'public.books_id_seq'::regclass`: a CHECK added to a production table would lock it and
 * read its rows), or sets the search path (which would lead unqualified names out of the proof's schema).
 * Read from the raw text, strings and comments included, so a name is never missed (an alias spelled like
 * a schema is refused too).
 */
export function namingOtherSchemas(pieces: readonly WrittenSql[], serverSchemas: readonly string[], own: string): string[] {
  const others = serverSchemas.filter((s) => s !== own && !harmless.has(s));
  const reasons: string[] = [];
  for (const { what, sql } of pieces) {
    const named = others.filter((s) => qualifierPattern(s).test(sql));
    if (named.length > 0) reasons.push(`${what} names schema ${named.map((s) => `"${s}"`).join(', ')} in its SQL`);
    if (/search_path/i.test(sql)) reasons.push(`${what} sets the search path in its SQL`);
  }
  return [...new Set(reasons)];
}

/** The server's schemas, as the proof's check before running reads them. */
export async function serverSchemas(db: SqlRunner): Promise<string[]> {
  const { rows } = await db.query('SELECT nspname FROM pg_catalog.pg_namespace');
  return rows.map((r) => String((r as { nspname: unknown }).nspname));
}

/** `schema.` as SQL may spell it: unquoted in any case when the name folds to itself, or quoted exactly, spaces allowed before the dot. */
function qualifierPattern(schema: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quoted = escape(`"${schema.replaceAll('"', '""')}"`);
  const bare = /^[a-z_][a-z0-9_$]*$/.test(schema) ? `|(?<![\\w$"])${escape(schema)}` : '';
  return new RegExp(`(?:${quoted}${bare})\\s*\\.`, 'i');
}
