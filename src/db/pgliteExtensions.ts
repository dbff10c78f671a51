import type { Extension, Extensions } from '@electric-sql/pglite';
import type { Schema } from '../model/index.ts';

/**
 * The contrib extensions PGlite ships, by the name CREATE EXTENSION uses, each imported only when a
 * script or document asks for it (each costs start-up time). One list for the CLI, the browser
 * worker, the tests and the proofs.
 */
export const pgliteExtensions: Readonly<Record<string, () => Promise<Extension>>> = {
  amcheck: () => import('@electric-sql/pglite/contrib/amcheck').then((m) => m.amcheck),
  bloom: () => import('@electric-sql/pglite/contrib/bloom').then((m) => m.bloom),
  btree_gin: () => import('@electric-sql/pglite/contrib/btree_gin').then((m) => m.btree_gin),
  btree_gist: () => import('@electric-sql/pglite/contrib/btree_gist').then((m) => m.btree_gist),
  citext: () => import('@electric-sql/pglite/contrib/citext').then((m) => m.citext),
  cube: () => import('@electric-sql/pglite/contrib/cube').then((m) => m.cube),
  dict_int: () => import('@electric-sql/pglite/contrib/dict_int').then((m) => m.dict_int),
  dict_xsyn: () => import('@electric-sql/pglite/contrib/dict_xsyn').then((m) => m.dict_xsyn),
  earthdistance: () => import('@electric-sql/pglite/contrib/earthdistance').then((m) => m.earthdistance),
  fuzzystrmatch: () => import('@electric-sql/pglite/contrib/fuzzystrmatch').then((m) => m.fuzzystrmatch),
  hstore: () => import('@electric-sql/pglite/contrib/hstore').then((m) => m.hstore),
  intarray: () => import('@electric-sql/pglite/contrib/intarray').then((m) => m.intarray),
  isn: () => import('@electric-sql/pglite/contrib/isn').then((m) => m.isn),
  lo: () => import('@electric-sql/pglite/contrib/lo').then((m) => m.lo),
  ltree: () => import('@electric-sql/pglite/contrib/ltree').then((m) => m.ltree),
  moddatetime: () => import('@electric-sql/pglite/contrib/moddatetime').then((m) => m.moddatetime),
  pg_trgm: () => import('@electric-sql/pglite/contrib/pg_trgm').then((m) => m.pg_trgm),
  pgcrypto: () => import('@electric-sql/pglite/contrib/pgcrypto').then((m) => m.pgcrypto),
  seg: () => import('@electric-sql/pglite/contrib/seg').then((m) => m.seg),
  tablefunc: () => import('@electric-sql/pglite/contrib/tablefunc').then((m) => m.tablefunc),
  tcn: () => import('@electric-sql/pglite/contrib/tcn').then((m) => m.tcn),
  tsm_system_rows: () => import('@electric-sql/pglite/contrib/tsm_system_rows').then((m) => m.tsm_system_rows),
  tsm_system_time: () => import('@electric-sql/pglite/contrib/tsm_system_time').then((m) => m.tsm_system_time),
  unaccent: () => import('@electric-sql/pglite/contrib/unaccent').then((m) => m.unaccent),
  'uuid-ossp': () => import('@electric-sql/pglite/contrib/uuid_ossp').then((m) => m.uuid_ossp),
};

/** Extensions PGlite creates only together with another one (CREATE EXTENSION ... CASCADE, or a script's own order). */
const requires: Readonly<Record<string, readonly string[]>> = { earthdistance: ['cube'] };

/**
 * The shipped extensions a SQL script asks for with CREATE EXTENSION, found by a plain look at its
 * text: enough to decide what to load, since PostgreSQL itself then runs the script. Names PGlite
 * does not ship are left out (the importer gives their types stand-ins).
 */
export function extensionsAskedFor(sql: string): string[] {
  const found = new Set<string>();
  const pattern = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?("(?:[^"]|"")+"|[\w$]+)/gi;
  for (const match of sql.matchAll(pattern)) {
    const raw = match[1]!;
    const name = raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw.toLowerCase();
    for (const each of [name, ...(requires[name] ?? [])]) if (Object.hasOwn(pgliteExtensions, each)) found.add(each);
  }
  return [...found].sort();
}

/** The shipped extensions a document's kept CREATE EXTENSION statements ask for: what its proof must load. */
export function extensionsSchemaNeeds(schema: Schema): string[] {
  return extensionsAskedFor(
    (schema.sqlObjects ?? [])
      .filter((o) => o.kind === 'extension')
      .map((o) => o.sql)
      .join('\n'),
  );
}

/** The `extensions` option of `PGlite.create` for these names (unknown names are ignored), keyed by a valid identifier. */
export async function loadExtensions(names: readonly string[]): Promise<Extensions> {
  const known = [...new Set(names)].filter((n) => Object.hasOwn(pgliteExtensions, n)).sort();
  const loaded = await Promise.all(known.map(async (n) => [n.replaceAll('-', '_'), await pgliteExtensions[n]!()] as const));
  return Object.fromEntries(loaded);
}
