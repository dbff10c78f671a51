import type { SqlObject, SqlObjectKind } from '../model/index.ts';
import { parseSql } from '../model/postgresParser.ts';
import { quoteIdent } from './quoteIdent.ts';
import type { Statement } from './statement.ts';

/**
 * Where each kind of kept-as-text object goes: what column types need (schemas holding no table,
 * extensions, collations, domains, types, sequences) before the tables, everything that reads tables after them, in this order.
 */
export const sqlObjectPlacement: Record<SqlObjectKind, { phase: 'beforeTables' | 'afterTables'; rank: number }> = {
  schema: { phase: 'beforeTables', rank: 0 },
  extension: { phase: 'beforeTables', rank: 1 },
  collation: { phase: 'beforeTables', rank: 2 },
  domain: { phase: 'beforeTables', rank: 3 },
  type: { phase: 'beforeTables', rank: 3 },
  sequence: { phase: 'beforeTables', rank: 4 },
  // One rank: a function may call an aggregate (MusicBrainz's median) as an aggregate calls functions; the kept order decides.
  function: { phase: 'afterTables', rank: 0 },
  aggregate: { phase: 'afterTables', rank: 0 },
  view: { phase: 'afterTables', rank: 2 },
  materializedView: { phase: 'afterTables', rank: 2 },
  constraint: { phase: 'afterTables', rank: 3 },
  index: { phase: 'afterTables', rank: 4 },
  trigger: { phase: 'afterTables', rank: 5 },
};

/**
 * The kept objects of one phase as statements of kind `sqlObject`, their text as imported. Within a
 * rank they keep the schema's order (the order PostgreSQL created them in), so views built on views
 * still come after what they read. The "one schema" option does not rewrite their text. With
 * `standIns` (what the proofs run), an extension the database can create (`creatable`) is created in
 * the proof's own schema, where the tables' unqualified type names find it; any other becomes its
 * stand-in types, or nothing.
 */
export function sqlObjectStatements(
  objects: readonly SqlObject[],
  phase: 'beforeTables' | 'afterTables',
  { standIns = false, creatable = [] as readonly string[] } = {},
): Statement[] {
  const proofSql = (o: SqlObject): string | undefined =>
    o.kind !== 'extension' ? o.sql : creatable.includes(o.name) ? `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(o.name)};` : o.standIn;
  return objects
    .map((o, index) => ({ o, index, sql: standIns ? proofSql(o) : o.sql, ...sqlObjectPlacement[o.kind] }))
    .filter((x): x is typeof x & { sql: string } => x.phase === phase && x.sql !== undefined)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .flatMap(({ o, sql }) =>
      (standIns && o.kind === 'extension' ? eachStatement(sql) : [sql]).map((each): Statement => ({
        kind: 'sqlObject',
        sqlObjectId: o.id,
        sql: each,
      })),
    );
}

/** A stand-in's several statements apart, as PostgreSQL's parser splits them: a database takes one statement per message. */
function eachStatement(sql: string): string[] {
  const parsed = parseSql(sql);
  return 'error' in parsed ? [sql] : parsed.statements.map((s) => `${s.text.replace(/;\s*$/, '')};`);
}
