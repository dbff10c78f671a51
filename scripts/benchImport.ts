import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { importer } from '@dbml/core';
import { generateDdl, toSqlText } from '../src/ddl/index.ts';
import { pgliteRunner } from '../src/db/index.ts';
import { importSql } from '../src/io/importSql.ts';
import { largeSchema } from './largeSchema.ts';

/** One import figure's times, and what was imported or why it failed. */
export interface ImportFigure {
  name: string;
  times: number[];
  detail: Record<string, number | string>;
}

/**
 * SQL import of pagila's pg_dump and of a generated 500-table script: ours (a fresh PGlite per run,
 * started untimed from the shipped data directory; the import itself timed, as `erd import` runs it)
 * next to @dbml/core's own SQL importer on the same text (timed to its result or to its error, which
 * becomes the figure's detail).
 */
export async function measureImports(runs: number, start: () => Promise<PGlite>): Promise<ImportFigure[]> {
  const large = toSqlText(generateDdl(largeSchema(500, 600)).statements);
  const pagila = new URL('../../shared/corpus/pagila-schema.sql', import.meta.url);
  // The shared corpus sits beside the repository on the developers' machines only.
  if (!existsSync(pagila)) console.warn(`Skipping the pagila import figure: ${fileURLToPath(pagila)} is not there.`);
  const inputs = [
    ...(existsSync(pagila) ? [{ words: "pagila's pg_dump schema (pagila-schema.sql)", sql: readFileSync(pagila, 'utf8') }] : []),
    { words: 'a generated 500-table, 600-relationship script (largeSchema through the DDL generator)', sql: large },
  ];
  const figures: ImportFigure[] = [];
  for (const { words, sql } of inputs) {
    const ours = await timeOurs(runs, start, sql);
    figures.push({
      name: `SQL import of ${words}, ours (PostgreSQL in PGlite, start untimed)`,
      times: ours.times,
      detail: { ...ours.detail, kB: Math.round(sql.length / 1024) },
    });
    const theirs = timeDbmlCore(runs, sql);
    figures.push({
      name: `SQL import of the same, @dbml/core importer.import(sql, 'postgres')`,
      times: theirs.times,
      detail: theirs.detail,
    });
  }
  return figures;
}

async function timeOurs(
  runs: number,
  start: () => Promise<PGlite>,
  sql: string,
): Promise<{ times: number[]; detail: Record<string, number | string> }> {
  const times: number[] = [];
  let detail: Record<string, number | string> = {};
  for (let i = 0; i < runs; i++) {
    const pg = await start();
    try {
      const runner = pgliteRunner(pg);
      (globalThis as { gc?: () => void }).gc?.();
      const begin = performance.now();
      const result = await importSql(sql, runner);
      times.push(performance.now() - begin);
      detail = result.ok
        ? { tables: result.schema.tables.length, relationships: result.schema.relationships.length, notes: result.notes.length }
        : { failed: `line ${result.error.line}: ${result.error.message}` };
    } finally {
      await pg.close();
    }
  }
  return { times, detail };
}

function timeDbmlCore(runs: number, sql: string): { times: number[]; detail: Record<string, number | string> } {
  const times: number[] = [];
  let detail: Record<string, number | string> = {};
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const begin = performance.now();
    try {
      const dbml = importer.import(sql, 'postgres');
      times.push(performance.now() - begin);
      detail = { tables: (dbml.match(/^Table /gm) ?? []).length, refs: (dbml.match(/^Ref/gm) ?? []).length };
    } catch (error) {
      times.push(performance.now() - begin);
      detail = { failed: describeDbmlError(error) };
    }
  }
  return { times, detail };
}

/** @dbml/core throws `{ diags: [{ text, location }] }` rather than an Error. */
function describeDbmlError(error: unknown): string {
  const diag = (error as { diags?: { text?: string; location?: { start?: { line?: number } } }[] }).diags?.[0];
  if (diag) return `line ${diag.location?.start?.line ?? '?'}: ${diag.text ?? 'unknown error'}`;
  return error instanceof Error ? error.message : String(error);
}
