import { PGlite } from '@electric-sql/pglite';

/**
 * Starts an in-memory PGlite. Given a data directory dumped earlier (`dumpDataDir`), it skips
 * initdb and starts in about a second instead of five to seven.
 */
export async function startPglite(dataDir?: Blob | File): Promise<PGlite> {
  return dataDir ? PGlite.create({ loadDataDir: dataDir }) : PGlite.create();
}
