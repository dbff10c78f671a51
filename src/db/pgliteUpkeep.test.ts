import type { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { runProof } from '../proof/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { testPglite } from '../testing/testDatabase.ts';
import { pgliteRunner } from './pgliteRunner.ts';
import { cachedPlanCount, needsFreshBackend } from './backendPlans.ts';

/** What rolled-back proofs would pile up without upkeep: dead catalog rows (pages) and emptied table files. */
async function footprint(pg: PGlite) {
  const { rows } = await pg.query(`
    SELECT pg_relation_size('pg_catalog.pg_class') AS pg_class, pg_relation_size('pg_catalog.pg_attribute') AS pg_attribute,
      pg_relation_size('pg_catalog.pg_depend') AS pg_depend, pg_relation_size('pg_catalog.pg_type') AS pg_type,
      (SELECT count(*) FROM pg_ls_dir('base/' || (SELECT oid FROM pg_database WHERE datname = current_database()))) AS files`);
  return rows[0];
}

describe('PGlite upkeep between proofs', () => {
  it('leaves the catalog and the data directory as they were, proof after proof', async () => {
    const pg = await testPglite();
    const runner = pgliteRunner(pg, { upkeepWalBytes: 0 });
    const schema = exampleDocument().schema;
    // The first proof sets where the WAL stood; the first upkeeps give the catalogs their free-space maps.
    for (let i = 0; i < 3; i++) await runProof(runner, schema);
    const before = await footprint(pg);
    for (let i = 0; i < 15; i++) await runProof(runner, schema);
    expect(await footprint(pg)).toEqual(before);
  });

  it('counts the plans a proof leaves in the backend, which only a fresh PGlite sheds', async () => {
    const pg = await testPglite();
    const runner = pgliteRunner(pg);
    await runProof(runner, exampleDocument().schema);
    const after1 = await cachedPlanCount(pg);
    await runProof(runner, exampleDocument().schema);
    expect(await cachedPlanCount(pg)).toBeGreaterThan(after1);
    expect(await needsFreshBackend(pg)).toBe(false);
  });
});
