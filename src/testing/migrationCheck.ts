import { expect } from 'vitest';
import { defaultDdlOptions, generateDdl, toSqlText } from '../ddl/index.ts';
import { diffSchemas, toMigrationSql, type Migration } from '../migrate/index.ts';
import type { Schema, SqlRunner } from '../model/index.ts';
import { catalogDifferences } from '../proof/catalogDifferences.ts';
import { snapshotCatalog, type CatalogSnapshot } from '../proof/catalogSnapshot.ts';
import { statementsOf } from './engines.ts';

/**
 * The DDL of a schema that must have none of the errors that block it, with its kept objects (extensions
 * PostgreSQL lacks as their stand-in types, as the proofs build them).
 */
export function ddlOf(schema: Schema): string {
  const { statements, problems } = generateDdl(schema, { ...defaultDdlOptions, extensionStandIns: true });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return toSqlText(statements);
}

/** Runs scripts in a transaction that is rolled back, snapshotting the catalog after each. */
async function snapshotsAfter(runner: SqlRunner, scripts: readonly string[]): Promise<CatalogSnapshot[]> {
  await runner.exec('BEGIN');
  try {
    const snapshots: CatalogSnapshot[] = [];
    for (const script of scripts) {
      await runner.execEach(statementsOf(script));
      snapshots.push(await snapshotCatalog(runner));
    }
    return snapshots;
  } finally {
    await runner.exec('ROLLBACK');
  }
}

/**
 * Diffs two schemas and executes the migration: `from`'s DDL, `rows` (inserted before migrating), up, down.
 * After up the catalog must equal a fresh build of `to`, after down a fresh build of `from`. Returns the migration.
 */
export async function expectMigrates(runner: SqlRunner, from: Schema, to: Schema, rows = ''): Promise<Migration> {
  const migration = diffSchemas(from, to, { extensionStandIns: true });
  expect(migration.problems).toEqual([]);
  const [fresh] = await snapshotsAfter(runner, [ddlOf(to)]);
  const [old, , up, down] = await snapshotsAfter(runner, [ddlOf(from), rows, toMigrationSql(migration.up), toMigrationSql(migration.down)]);
  expect(catalogDifferences(up!, fresh!, { names: ['the migrated database', 'a fresh one'] })).toEqual([]);
  expect(catalogDifferences(down!, old!, { names: ['the database migrated down', 'the old one'] })).toEqual([]);
  return migration;
}

/** Each step's kind, in order. */
export function kindsOf(steps: Migration['up']): string[] {
  return steps.map((s) => s.kind);
}
