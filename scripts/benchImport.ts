import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { importer } from '@dbml/core';
import { generateDdl, toSqlText } from '../src/ddl/index.ts';
import { pgliteRunner } from '../src/db/index.ts';
import { extensionsAskedFor } from '../src/db/pgliteExtensions.ts';
import { importSql } from '../src/io/importSql.ts';
import { largeSchema } from './largeSchema.ts';

/** One import figure's times, and what was imported or why it failed. */
export interface ImportFigure {
  name: string;
  times: number[];
  /** The aim the figure is held to, printed beside it. */
  aim?: string;
  detail: Record<string, number | string>;
}

/** The corpus of real schemas beside the repository (developers' machines only). */
const corpus = new URL('../../shared/corpus/', import.meta.url);

/**
 * SQL import of every schema in ../shared/corpus and of a generated 500-table script: ours (a fresh
 * PGlite per run, started untimed from the shipped data directory with the extensions the script asks
 * for; the import itself timed, as `erd import` runs it) next to @dbml/core's own SQL importer on the
 * same text (timed to its result or to its error, which becomes the figure's detail). Aim: ours faster
 * on every one.
 */
export async function measureImports(runs: number, start: (extensions: readonly string[]) => Promise<PGlite>): Promise<ImportFigure[]> {
  const large = toSqlText(generateDdl(largeSchema(500, 600)).statements);
  // The shared corpus sits beside the repository on the developers' machines only.
  if (!existsSync(corpus)) console.warn(`Skipping the corpus import figures: ${fileURLToPath(corpus)} is not there.`);
  const schemas = existsSync(corpus)
    ? readdirSync(corpus)
        .filter((name) => name.endsWith('.sql'))
        .sort()
        .map((name) => ({ words: name, sql: readFileSync(new URL(name, corpus), 'utf8') }))
    : [];
  const inputs = [
    ...schemas,
    { words: 'a generated 500-table, 600-relationship script (largeSchema through the DDL generator)', sql: large },
  ];
  const figures: ImportFigure[] = [];
  for (const { words, sql } of inputs) {
    const ours = await timeOurs(runs, () => start(extensionsAskedFor(sql)), sql);
    figures.push({
      name: `SQL import of ${words}, ours (PostgreSQL in PGlite, start untimed)`,
      times: ours.times,
      aim: 'faster than @dbml/core (next line)',
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
