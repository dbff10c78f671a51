import { pgliteRunner } from '../db/pgliteRunner.ts';
import { extensionsAskedFor } from '../db/pgliteExtensions.ts';
import { startPglite } from '../db/startPglite.ts';
import { importSql, oversizeError, type ImportResult } from './importSql.ts';

/**
 * Imports a script in a PGlite of its own, closed afterwards: for the command line and other Node
 * callers without a database at hand. Give `dataDir` (a dump from `dumpStartingDataDir`) to skip initdb.
 * A script over the size limit is refused before PGlite starts. The shipped extensions the script creates are loaded.
 */
export async function importSqlInPglite(sql: string, dataDir?: Blob): Promise<ImportResult> {
  const oversize = oversizeError(sql);
  if (oversize) return { ok: false, error: oversize };
  const pg = await startPglite(dataDir, extensionsAskedFor(sql));
  try {
    return await importSql(sql, pgliteRunner(pg));
  } finally {
    await pg.close();
  }
}
