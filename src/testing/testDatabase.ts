import { readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { pgliteRunner, startPglite } from '../db/index.ts';
import type { SqlRunner } from '../model/index.ts';
import { testDataDirPath } from './testDataDir.ts';

let shared: Promise<PGlite> | undefined;

/** One PGlite per test file, started from the data directory vitest.setup.ts dumped. */
export function testPglite(): Promise<PGlite> {
  shared ??= startPglite(new Blob([readFileSync(testDataDirPath())]));
  return shared;
}

/** A SqlRunner on the shared test PGlite. */
export async function testRunner(): Promise<SqlRunner> {
  return pgliteRunner(await testPglite());
}

/**
 * Executes DDL in a fresh schema inside a transaction, runs `check` there, then rolls everything back,
 * so tests share one database without seeing each other's tables.
 */
export async function inScratchSchema<T>(ddl: string, check: (pg: PGlite) => Promise<T>): Promise<T> {
  const pg = await testPglite();
  await pg.exec('BEGIN; CREATE SCHEMA scratch; SET LOCAL search_path TO scratch;');
  try {
    await pg.exec(ddl);
    return await check(pg);
  } finally {
    await pg.exec('ROLLBACK');
  }
}

/** Runs one statement in a savepoint and returns the SQLSTATE it failed with, or 'ok'. */
export async function outcomeOf(pg: PGlite, sql: string): Promise<string> {
  await pg.exec('SAVEPOINT attempt');
  try {
    await pg.exec(sql);
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? 'unknown';
  } finally {
    await pg.exec('ROLLBACK TO SAVEPOINT attempt');
  }
}
