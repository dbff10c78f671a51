import type { SqlRunner } from '../model/index.ts';

/** Schemas no proof touches and whose contents churn on their own (other sessions' temporary objects). */
const outside = `n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'`;

/**
 * Every schema, relation, type and routine on the server, as `kind name` lines: what a proof compares
 * before and after itself to say that nothing outside its throwaway schema was added or removed.
 */
export async function serverObjects(db: SqlRunner): Promise<Set<string>> {
  const { rows } = await db.query(
    `SELECT 'schema ' || quote_ident(n.nspname) AS object FROM pg_catalog.pg_namespace n WHERE ${outside}
     UNION ALL SELECT 'relation ' || c.relkind::text || ' ' || c.oid::regclass::text FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE ${outside}
     UNION ALL SELECT 'type ' || t.oid::regtype::text FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE ${outside}
     UNION ALL SELECT 'routine ' || p.oid::regprocedure::text FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE ${outside}`,
  );
  return new Set(rows.map((r) => String(r.object)));
}

/** What a proof on a server left: whether its schema is gone, and any object outside it that appeared or disappeared meanwhile. */
export interface LeftBehind {
  schemaGone: boolean;
  added: string[];
  removed: string[];
}

/** Compares the server after a proof with the objects it had before, and looks for the proof's own schema. */
export async function leftBehind(db: SqlRunner, before: ReadonlySet<string>, schemaName: string): Promise<LeftBehind> {
  const after = await serverObjects(db);
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM pg_catalog.pg_namespace WHERE nspname = '${schemaName.replaceAll("'", "''")}'`,
  );
  return {
    schemaGone: Number(rows[0]?.n) === 0,
    added: [...after].filter((o) => !before.has(o)).sort(),
    removed: [...before].filter((o) => !after.has(o)).sort(),
  };
}
