import { asSqlError, type SqlRunner } from '../model/index.ts';
import { runImportScript } from '../io/runImportScript.ts';
import type { Statement } from '../ddl/index.ts';

/** What a foreign key means, as PostgreSQL's catalog has it, by `schema.table.constraint`. */
export type ForeignKeyFacts = Map<string, Record<string, unknown>>;

/**
 * Every foreign key of the database (partitions' inherited copies left out): its columns and the
 * referenced ones, ON DELETE / ON UPDATE, MATCH, deferral, validity, whether its columns are NOT NULL,
 * unique (a unique index without predicate or expression over a subset of them) or the primary key itself (a shared key).
 */
const factsSql = `
SELECT cn.nspname || '.' || cr.relname || '.' || c.conname AS key,
  CASE WHEN cr.relispartition THEN (SELECT rn.nspname || '.' || rr.relname FROM pg_catalog.pg_partition_root(cr.oid) r(oid)
    JOIN pg_catalog.pg_class rr ON rr.oid = r.oid JOIN pg_catalog.pg_namespace rn ON rn.oid = rr.relnamespace) END AS on_partition_of,
  pn.nspname || '.' || pr.relname AS parent,
  (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
  (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS parent_columns,
  c.confdeltype AS on_delete, c.confupdtype AS on_update, c.confmatchtype AS match,
  c.condeferrable AS deferrable, c.condeferred AS deferred, c.convalidated AS valid,
  (SELECT bool_and(a.attnotnull) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)) AS not_null,
  EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = c.conrelid AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
          AND (i.indkey::int2[])[0:] <@ c.conkey) AS is_unique,
  EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = c.conrelid AND i.indisprimary
          AND (i.indkey::int2[])[0:] <@ c.conkey AND c.conkey <@ (i.indkey::int2[])[0:]) AS shared_key
FROM pg_catalog.pg_constraint c
JOIN pg_catalog.pg_class cr ON cr.oid = c.conrelid JOIN pg_catalog.pg_namespace cn ON cn.oid = cr.relnamespace
JOIN pg_catalog.pg_class pr ON pr.oid = c.confrelid JOIN pg_catalog.pg_namespace pn ON pn.oid = pr.relnamespace
WHERE c.contype = 'f' AND c.conparentid = 0 AND cn.nspname NOT IN ('pg_catalog', 'information_schema')`;

async function readFacts(db: SqlRunner): Promise<ForeignKeyFacts> {
  const { rows } = await db.query(factsSql);
  return new Map(rows.map(({ key, ...facts }) => [String(key), facts]));
}

/** The foreign keys a script makes, run as the importer runs it (data and server-only statements skipped), then rolled back. */
export async function sourceForeignKeys(db: SqlRunner, script: string): Promise<ForeignKeyFacts> {
  await db.exec('BEGIN');
  try {
    const ran = await runImportScript(db, script);
    if (!ran.ok) throw new Error(`the source script failed at line ${ran.error.line}: ${ran.error.message}`);
    return await readFacts(db);
  } finally {
    await db.exec('ROLLBACK');
  }
}

/** The statement PostgreSQL refused, with its error; undefined when every one ran. */
export interface DdlFailure {
  statement: Statement;
  code: string;
  message: string;
}

/** Runs generated DDL one statement at a time inside a transaction that is rolled back; reads the foreign keys it made. */
export async function generatedForeignKeys(
  db: SqlRunner,
  statements: readonly Statement[],
): Promise<{ failure?: DdlFailure; facts: ForeignKeyFacts }> {
  await db.exec('BEGIN');
  try {
    for (const statement of statements) {
      try {
        await db.exec(statement.sql);
      } catch (error) {
        const e = asSqlError(error);
        if (!e) throw error;
        return { failure: { statement, code: e.code, message: e.message }, facts: new Map() };
      }
    }
    return { facts: await readFacts(db) };
  } finally {
    await db.exec('ROLLBACK');
  }
}

/**
 * Keys declared on partitions (pagila's payment_p2022_01...) as the one key the importer draws on the
 * partitioned table, which has no partitions in the exported DDL: matched there by meaning, whatever
 * name the generator gives it (the import says so in a note).
 */
function foldPartitionKeys(source: ForeignKeyFacts, generated: ForeignKeyFacts): { source: ForeignKeyFacts; generated: ForeignKeyFacts } {
  const folded = new Map([...source].filter(([, f]) => !f.on_partition_of));
  const rest = new Map(generated);
  const meaning = (table: unknown, f: Record<string, unknown>) => JSON.stringify([table, f.columns, f.parent, f.parent_columns]);
  for (const [, facts] of source) {
    if (!facts.on_partition_of) continue;
    const wanted = meaning(facts.on_partition_of, facts);
    const match = [...rest].find(([key, f]) => meaning(key.split('.').slice(0, 2).join('.'), f) === wanted && !source.has(key));
    const key =
      match?.[0] ?? `${String(facts.on_partition_of)}.(declared on its partitions: ${String(facts.columns)} -> ${String(facts.parent)})`;
    folded.set(key, { ...facts, on_partition_of: null });
  }
  return { source: folded, generated: rest };
}

/** Keys missing, added or changed between two readings, one line each ("schema.table.name: on_delete c -> a"). */
export function compareForeignKeys(before: ForeignKeyFacts, after: ForeignKeyFacts): string[] {
  const { source, generated } = foldPartitionKeys(before, after);
  const lines: string[] = [];
  for (const [key, facts] of source) {
    const other = generated.get(key);
    if (!other) {
      lines.push(`${key}: missing from the generated DDL`);
      continue;
    }
    const changed = Object.keys(facts).filter((k) => JSON.stringify(facts[k]) !== JSON.stringify(other[k]));
    if (changed.length > 0)
      lines.push(`${key}: ${changed.map((k) => `${k} ${JSON.stringify(facts[k])} -> ${JSON.stringify(other[k])}`).join(', ')}`);
  }
  for (const key of generated.keys()) if (!source.has(key)) lines.push(`${key}: in the generated DDL only`);
  return lines;
}
