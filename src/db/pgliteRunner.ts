import type { PGlite } from '@electric-sql/pglite';
import type { QueryResult, ScriptRunner } from '../model/index.ts';
import { runPipeline } from './pipeline.ts';
import { runPipelineGroups } from './pipelineGroups.ts';

/**
 * The catalogs a proof's rolled-back DDL leaves dead rows in. PGlite has no autovacuum, so without
 * upkeep they, and its in-memory file system, grow with every proof.
 */
const churnedCatalogs = [
  'pg_class',
  'pg_attribute',
  'pg_attrdef',
  'pg_type',
  'pg_depend',
  'pg_constraint',
  'pg_index',
  'pg_proc',
  'pg_trigger',
  'pg_namespace',
  'pg_description',
  'pg_sequence',
  'pg_enum',
].map((name) => `pg_catalog.${name}`);

/** WAL written since the last upkeep that calls for the next: about 35 proofs of the example, one of 200 relationships. */
export const defaultUpkeepWalBytes = 4 * 1024 * 1024;

/** Where the WAL stood after each PGlite's last upkeep (or its first transaction: the first proof stays quick). */
const walAtUpkeep = new WeakMap<PGlite, number>();

async function walPosition(pg: PGlite): Promise<number> {
  const { rows } = await pg.query<{ bytes: string }>(`SELECT (pg_current_wal_insert_lsn() - '0/0')::bigint::text AS bytes`);
  return Number(rows[0]!.bytes);
}

/**
 * Between transactions, once enough WAL has been written: VACUUM the churned catalogs and CHECKPOINT.
 * PGlite runs PostgreSQL as one backend with no autovacuum and no checkpointer, so otherwise the dead
 * catalog rows, the WAL and the emptied files of dropped tables (removed at the next checkpoint) stay
 * in memory for good.
 */
async function upkeepIfDue(pg: PGlite, walBytes: number): Promise<void> {
  const position = await walPosition(pg);
  const last = walAtUpkeep.get(pg);
  if (last === undefined) walAtUpkeep.set(pg, position);
  if (last === undefined || position - last < walBytes) return;
  // Two calls: in one script they would form a transaction block, where VACUUM cannot run.
  await pg.exec(`VACUUM ${churnedCatalogs.join(', ')}`);
  await pg.exec('CHECKPOINT');
  walAtUpkeep.set(pg, await walPosition(pg));
}

/**
 * A SqlRunner over PGlite: the same code serves Node (tests, command line) and the browser's worker.
 * `pg.query` uses the extended protocol: one statement per message.
 * After a call that ends a transaction it keeps the database from growing (`upkeepIfDue`).
 */
export function pgliteRunner(pg: PGlite, { upkeepWalBytes = defaultUpkeepWalBytes }: { upkeepWalBytes?: number } = {}): ScriptRunner {
  async function call<T>(run: () => Promise<T>): Promise<T> {
    const wasInTransaction = pg.isInTransaction();
    const result = await run();
    if (wasInTransaction && !pg.isInTransaction()) await upkeepIfDue(pg, upkeepWalBytes);
    return result;
  }
  return {
    exec: (sql) =>
      call(async () => {
        await pg.query(sql);
      }),
    query: (sql) =>
      call(async (): Promise<QueryResult> => {
        const result = await pg.query<Record<string, unknown>>(sql);
        return { rows: result.rows, fields: result.fields.map((f) => f.name) };
      }),
    execEach: (statements) =>
      call(async () => {
        const failure = await runPipeline(pg, statements);
        if (failure) throw Object.assign(failure.error as object, { statementIndex: failure.index });
      }),
    execGroups: (groups) => call(() => runPipelineGroups(pg, groups)),
    statement: (sql) =>
      call(async () => {
        const r = await pg.query<unknown[]>(sql, [], { rowMode: 'array' });
        return {
          fields: r.fields.map((f) => f.name),
          rows: r.rows,
          ...(r.affectedRows !== undefined ? { affectedRows: r.affectedRows } : {}),
        };
      }),
  };
}
