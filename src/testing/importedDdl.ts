import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { extensionsSchemaNeeds, pgliteRunner, startPglite } from '../db/index.ts';
import { defaultDdlOptions, generateDdl } from '../ddl/index.ts';
import type { ImportResult } from '../io/importSql.ts';
import { importSqlInPglite } from '../io/importSqlInPglite.ts';
import { asSqlError, type Column, type Schema, type SqlRunner } from '../model/index.ts';
import { engines } from './engines.ts';
import { testDataDirPath } from './testDataDir.ts';

/** The test data directory as a Blob, for a PGlite of a test's own (one with extensions). */
export const dataDir = () => new Blob([readFileSync(testDataDirPath())]);

/** A script imported in a PGlite of its own, loaded with the extensions it creates; throws on an import error. */
export async function imported(sql: string): Promise<Extract<ImportResult, { ok: true }>> {
  const result = await importSqlInPglite(sql, dataDir());
  if (!result.ok) throw new Error(`line ${result.error.line}: ${result.error.message}`);
  return result;
}

/** Runs the schema's DDL statement by statement in a scratch schema, rolled back; 'ok' or the first refusal. */
export async function runsDdl(runner: SqlRunner, schema: Schema): Promise<string> {
  const { statements, problems } = generateDdl(schema, defaultDdlOptions);
  if (problems.some((p) => p.severity === 'error')) return problems.map((p) => p.message).join('; ');
  await runner.exec('BEGIN');
  try {
    await runner.exec('CREATE SCHEMA scratch');
    await runner.exec('SET LOCAL search_path TO scratch, public'); // as a database's default path would find public
    for (const s of statements.filter((s) => s.kind !== 'note')) {
      try {
        await runner.exec(s.sql);
      } catch (error) {
        return `${asSqlError(error)?.message ?? String(error)} in: ${s.sql}`;
      }
    }
    return 'ok';
  } finally {
    await runner.exec('ROLLBACK');
  }
}

/**
 * The DDL runs on the PostgreSQL 15 server when there is one, and in a PGlite holding the extensions
 * the schema asks for unless it needs one PGlite lacks (the proof, with stand-ins, covers PGlite then).
 */
export async function expectDdlRuns(schema: Schema, { inPglite = true } = {}): Promise<void> {
  if (inPglite) {
    const pg = await startPglite(dataDir(), extensionsSchemaNeeds(schema));
    try {
      expect(await runsDdl(pgliteRunner(pg), schema)).toBe('ok');
    } finally {
      await pg.close();
    }
  }
  const server = engines.find((e) => e.engine.name !== 'PGlite')!;
  if (server.skip) console.log(`PostgreSQL 15 part skipped: ${server.skip}`);
  else expect(await runsDdl(await server.engine.runner(), schema)).toBe('ok');
}

/** A column of a table, by names. */
export const column = (schema: Schema, table: string, name: string): Column =>
  schema.tables.find((t) => t.name === table)!.columns.find((c) => c.name === name)!;
