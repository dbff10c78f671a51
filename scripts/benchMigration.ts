import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import { pgliteRunner } from '../src/db/index.ts';
import { dataLossesOf, diffSchemas, toMigrationSql } from '../src/migrate/index.ts';
import { proveMigration } from '../src/proof/index.ts';
import { fiftyChanges } from './largeMigration.ts';
import { measureMigra } from './benchMigra.ts';
import { largeSchema } from './largeSchema.ts';
import { editColumn, type Schema } from '../src/model/index.ts';

/** One figure's times and what they stand on. */
export interface MigrationFigure {
  name: string;
  times: number[];
  aim?: string;
  detail?: Record<string, number | string>;
}

const timed = async (run: () => unknown, forceGc = true): Promise<number> => {
  if (forceGc) (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  await run();
  return performance.now() - start;
};

/**
 * The diff as the Migration tab runs it after a keystroke: the base version's schema is the same object
 * every time, and the design is the previous one with one column renamed by the editor's own edit
 * (`editColumn`), so every other table is the same object as before. Timed with and without a forced GC
 * before each run (a forced GC makes V8 drop the code it compiled for the diff).
 */
async function diffAfterColumnRenames(from: Schema, to: Schema, runs: number, forceGc: boolean): Promise<number[]> {
  let design = to;
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const table = design.tables[(i * 37) % design.tables.length]!;
    const column = table.columns[table.columns.length - 1]!;
    design = editColumn(design, table.id, column.id, { name: `${column.name.replace(/_e\d+$/, '')}_e${i}` });
    const edited = design;
    const time = await timed(() => diffSchemas(from, edited), forceGc);
    if (i >= 2) times.push(time);
  }
  return times;
}

/** The diff with both schemas new each run (no object seen before), with or without a forced GC before each. */
async function diffCold(from: Schema, to: Schema, runs: number, forceGc: boolean): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const [a, b] = [structuredClone(from), structuredClone(to)];
    const time = await timed(() => diffSchemas(a, b), forceGc);
    if (i >= 2) times.push(time);
  }
  return times;
}

/**
 * The migration of fifty edits on the 500-table document: the diff cold (both schemas new) and after one
 * editor edit of the design (as the Migration tab), beside @pgkit/migra on two databases built from the
 * same schemas, and its proof in a warm PGlite, next to the same proof building the whole schema (its
 * anchor: what `migrationScope` saves).
 */
export async function measureMigration(runs: number, startShipped: () => Promise<PGlite>): Promise<MigrationFigure[]> {
  const from = largeSchema(500, 600);
  const to = fiftyChanges(from);
  const migration = diffSchemas(from, to);
  const cold = await diffCold(from, to, runs * 4, true);
  const coldNoGc = await diffCold(from, to, runs * 4, false);
  const afterEdit = await diffAfterColumnRenames(from, to, runs * 4, true);
  const afterEditNoGc = await diffAfterColumnRenames(from, to, runs * 4, false);
  const scripts = { up: toMigrationSql(migration.up), down: toMigrationSql(migration.down), losesData: dataLossesOf(migration.up) };
  const detail = { steps: migration.up.length, risky: scripts.losesData.length };
  const figures: MigrationFigure[] = [
    {
      name: 'Migration diff, 50 changes on 500 tables, both schemas new, GC forced before each run',
      times: cold,
      aim: 'under 50 ms',
      detail,
    },
    { name: 'Migration diff, same, both schemas new, without forcing GC', times: coldNoGc, aim: 'under 50 ms' },
    {
      name: 'Migration diff after one edit (a column renamed by editColumn; base version and other tables the same objects, as the Migration tab), GC forced before each run',
      times: afterEdit,
      aim: 'under 50 ms',
    },
    { name: 'Migration diff after one edit, same, without forcing GC', times: afterEditNoGc, aim: 'under 50 ms' },
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
