import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import { pgliteRunner } from '../src/db/index.ts';
import { dataLossesOf, diffSchemas, toMigrationSql } from '../src/migrate/index.ts';
import { proveMigration } from '../src/proof/index.ts';
import { fiftyChanges } from './largeMigration.ts';
import { measureMigra } from './benchMigra.ts';
import { largeSchema } from './largeSchema.ts';

/** One figure's times and what they stand on. */
export interface MigrationFigure {
  name: string;
  times: number[];
  aim?: string;
  detail?: Record<string, number | string>;
}

const timed = async (run: () => unknown): Promise<number> => {
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  await run();
  return performance.now() - start;
};

/**
 * The migration of fifty edits on the 500-table document: the diff cold (both schemas new) and after an
 * edit (the base version's objects already made, as in the app) beside @pgkit/migra on two databases built
 * from the same schemas, and its proof in a warm PGlite, next to the same proof building the whole schema
 * (its anchor: what `migrationScope` saves).
 */
export async function measureMigration(runs: number, startShipped: () => Promise<PGlite>): Promise<MigrationFigure[]> {
  const from = largeSchema(500, 600);
  const to = fiftyChanges(from);
  const migration = diffSchemas(from, to);
  const cold: number[] = [];
  const afterEdit: number[] = [];
  for (let i = 0; i < runs * 4 + 2; i++) {
    const [a, b] = [structuredClone(from), structuredClone(to)];
    const coldTime = await timed(() => diffSchemas(a, b));
    const edited = structuredClone(to);
    const editTime = await timed(() => diffSchemas(a, edited));
    if (i < 2) continue;
    cold.push(coldTime);
    afterEdit.push(editTime);
  }
  const scripts = { up: toMigrationSql(migration.up), down: toMigrationSql(migration.down), losesData: dataLossesOf(migration.up) };
  const detail = { steps: migration.up.length, risky: scripts.losesData.length };
  const figures: MigrationFigure[] = [
    { name: 'Migration diff, 50 changes on 500 tables, both schemas new', times: cold, aim: 'under 50 ms', detail },
    { name: 'Migration diff after an edit, base version unchanged (as the Migration tab)', times: afterEdit, aim: 'under 50 ms' },
  ];
  const migra = await measureMigra(runs, from, to);
  if ('skipped' in migra) console.log(`@pgkit/migra beside the diff skipped: ${migra.skipped}`);
  else
    figures.push({
      name: 'Peer: @pgkit/migra diffing two PostgreSQL 15 databases built from the same two schemas',
      times: migra.times,
      detail: migra.detail,
    });
  for (const wholeSchema of [false, true]) {
    const pg = await startShipped();
    const runner = pgliteRunner(pg);
    await runner.exec('SELECT 1');
    const times: number[] = [];
    let report: Awaited<ReturnType<typeof proveMigration>> | undefined;
    for (let i = 0; i < (wholeSchema ? Math.min(runs, 2) : runs); i++) {
      times.push(await timed(async () => (report = await proveMigration(runner, from, to, scripts, { wholeSchema }))));
    }
    await pg.close();
    const verdicts = report!.checks.map((c) => `${c.kind} ${c.verdict}`).join(', ');
    const built = report!.scope.tableIds === 'all' ? from.tables.length : report!.scope.tableIds.size;
    figures.push({
      name: wholeSchema
        ? 'Proven migration, same, building all 500 tables (anchor)'
        : 'Proven migration, 50 changes on 500 tables, warm PGlite in Node',
      times,
      ...(wholeSchema ? {} : { aim: 'under 3 s' }),
      detail: { checks: verdicts, tablesBuilt: built, scenarios: report!.relationshipResults.length },
    });
  }
  return figures;
}
