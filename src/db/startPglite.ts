import { PGlite } from '@electric-sql/pglite';

/**
 * Starts an in-memory PGlite. Given a data directory dumped earlier (`dumpStartingDataDir`), it skips
 * initdb and starts in a fraction of a second instead of five to seven.
 */
export async function startPglite(dataDir?: Blob | File): Promise<PGlite> {
  return dataDir ? PGlite.create({ loadDataDir: dataDir }) : PGlite.create();
}

/** Version of `dumpStartingDataDir`'s recipe: dumps stamped with another are rebuilt. */
export const startingDataDirRecipe = 2;

/**
 * Runs initdb and dumps (gzipped tar) a data directory made to start quickly, 9 MB instead of 40:
 * 1 MB WAL segments instead of 16; only the `postgres` database PGlite opens (template0 and template1
 * were 15 MB of the tar, and nothing here creates databases); 16 MB of shared buffers instead of 128
 * (PostgreSQL zeroes them at every start, the slowest step, and proofs run no slower); and no WAL
 * segments preallocated past the current one.
 */
export async function dumpStartingDataDir(): Promise<Blob> {
  const pg = await PGlite.create({ initDbStartParams: ['--wal-segsize=1'] });
  try {
    for (const template of ['template0', 'template1']) {
      await pg.exec(`ALTER DATABASE ${template} IS_TEMPLATE false`);
      await pg.exec(`DROP DATABASE ${template}`); // not in one script: that would be a transaction block
    }
    await pg.exec(`ALTER SYSTEM SET shared_buffers = '16MB'`);
    await pg.exec('CHECKPOINT');
    const { rows } = await pg.query<{ current: string }>('SELECT pg_walfile_name(pg_current_wal_insert_lsn()) AS current');
    const fs = pg.Module.FS;
    const walDir = `${PGlite.paths.PGDATA}/pg_wal`;
    for (const name of fs.readdir(walDir)) if (/^[0-9A-F]{24}$/.test(name) && name > rows[0]!.current) fs.unlink(`${walDir}/${name}`);
    return await pg.dumpDataDir('gzip');
  } finally {
    await pg.close();
  }
}

/**
 * Cached plans past which a fresh PGlite (about half a second to start) pays for itself: some 220
 * proofs of the example, two of 200 relationships. Each cached plan slows every later DDL statement a little.
 */
export const maxCachedPlans = 2000;

/** How many query plans PGlite's backend holds (`pg_backend_memory_contexts`). */
export async function cachedPlanCount(pg: PGlite): Promise<number> {
  const { rows } = await pg.query<{ plans: number }>(`SELECT count(*)::int AS plans FROM pg_backend_memory_contexts WHERE name = 'CachedPlanSource'`);
  return rows[0]!.plans;
}

/**
 * Whether to replace this PGlite by a fresh one between proofs. Its one backend never ends, and
 * PostgreSQL frees the plans it cached for a foreign key, and a PL/pgSQL function's compiled code, only
 * when the session ends, not when the constraint or function is rolled back. So every proof leaves
 * some behind (9 for the example, about 1,100 and 10 MB for 200 relationships), and every later DDL
 * statement walks them all: proofs slow down and memory grows until a fresh start.
 */
export async function needsFreshBackend(pg: PGlite): Promise<boolean> {
  return (await cachedPlanCount(pg)) > maxCachedPlans;
}
