import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { extensionsAskedFor, pgliteRunner, startPglite } from '../db/index.ts';
import { defaultDdlOptions, generateDdl, type Statement } from '../ddl/index.ts';
import { importSql } from '../io/importSql.ts';
import { runImportScript } from '../io/runImportScript.ts';
import type { Schema, SqlRunner } from '../model/index.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { compareForeignKeys, generatedForeignKeys, sourceForeignKeys } from '../testing/foreignKeyFacts.ts';
import { testDataDirPath } from '../testing/testDataDir.ts';
import { runProof, summarize, type ProofReport } from './runProof.ts';

/**
 * Every real schema of ../shared/corpus, end to end: it imports; its exported DDL keeps every foreign
 * key's name and meaning (the catalog after the source script against the catalog after the DDL, both
 * in PGlite); no proof scenario fails, and the share of "not provable" ones is printed with each cause;
 * the exported DDL runs on PostgreSQL 15 wherever the source script does.
 */
const corpusDir = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const hasCorpus = existsSync(corpusDir);
const files = hasCorpus
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.sql'))
      .sort()
  : [];
if (!hasCorpus) console.warn(`[corpus] ${corpusDir} not found: the corpus test is skipped (a fresh clone has no ../shared)`);

const server = engines.find(({ engine }) => engine.name === 'PostgreSQL server')!;

/** The largest (MusicBrainz, 371 tables) takes about a minute on 2 busy cores; the limit leaves room. */
const perSchemaTimeoutMs = 8 * 60_000;

/** "not provable" reasons grouped by cause: names and numbers blanked so one cause counts once. */
function causes(report: ProofReport): string[] {
  const counts = new Map<string, number>();
  for (const r of report.results) {
    if (r.verdict !== 'notProvable') continue;
    const cause = (r.reason ?? '').replace(/"[^"]*"/g, '"…"').replace(/\b\d+\b/g, 'N');
    counts.set(cause, (counts.get(cause) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([cause, n]) => `${n} × ${cause}`);
}

/** Failed scenarios, one line each, for an assertion message that says what went wrong. */
function failures(report: ProofReport): string[] {
  return report.results
    .filter((r) => r.verdict === 'failed')
    .map(
      (r) =>
        `${r.id} ${r.title}: expected ${JSON.stringify(r.expected)}, got ${r.actual?.outcome === 'rejected' ? r.actual.error.code + ' ' + r.actual.error.message : r.actual?.outcome}${r.reason ? ` (${r.reason})` : ''}`,
    );
}

/** Whether the source script runs on the server as it is: every statement, no extension missing. */
async function sourceRunsOn(db: SqlRunner, script: string): Promise<string | true> {
  await db.exec('BEGIN');
  try {
    const ran = await runImportScript(db, script);
    if (!ran.ok) return `the source fails there at line ${ran.error.line}: ${ran.error.message}`;
    if (ran.run.missingExtensions.length > 0)
      return `the source needs extensions the server lacks: ${ran.run.missingExtensions.map((e) => e.name).join(', ')}`;
    return true;
  } finally {
    await db.exec('ROLLBACK');
  }
}

/** Runs statements one at a time in a rolled-back transaction: the first one refused, or undefined. */
async function firstRefused(db: SqlRunner, statements: readonly Statement[]): Promise<string | undefined> {
  const { failure } = await generatedForeignKeys(db, statements);
  return failure && `${failure.code} ${failure.message} in:\n${failure.statement.sql.slice(0, 400)}`;
}

describe.skipIf(!hasCorpus)('the real schemas of ../shared/corpus', () => {
  afterAll(closeEngines);

  describe.each(files)('%s', (file) => {
    const script = hasCorpus ? readFileSync(corpusDir + file, 'utf8') : '';
    let pg: PGlite | undefined;
    let schema: Schema | undefined;
    afterAll(async () => pg?.close());

    const database = async (): Promise<SqlRunner> => {
      pg ??= await startPglite(new Blob([readFileSync(testDataDirPath())]), extensionsAskedFor(script));
      return pgliteRunner(pg);
    };

    it('imports', { timeout: perSchemaTimeoutMs }, async () => {
      const result = await importSql(script, await database());
      if (!result.ok)
        expect.fail(
          `line ${result.error.line}: ${result.error.code ?? ''} ${result.error.message}\n${result.error.statement.slice(0, 400)}`,
        );
      schema = result.schema;
      const errors = generateDdl(schema).problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => p.message)).toEqual([]);
    });

    it(
      'keeps every foreign key: its name, columns, uniqueness, nullability, shared key, deferral, validity and actions',
      { timeout: perSchemaTimeoutMs },
      async () => {
        if (!schema) expect.fail('not imported');
        const db = await database();
        const source = await sourceForeignKeys(db, script);
        const available = (await db.query('SELECT name FROM pg_catalog.pg_available_extensions')).rows.map((r) => String(r.name));
        const ddl = generateDdl(schema, { ...defaultDdlOptions, extensionStandIns: true, creatableExtensions: available });
        expect(
          ddl.problems.filter((p) => p.severity === 'error').map((p) => p.message),
          'no DDL is generated while the model has errors',
        ).toEqual([]);
        const generated = await generatedForeignKeys(db, ddl.statements);
        if (generated.failure)
          expect.fail(
            `the exported DDL fails in PGlite: ${generated.failure.code} ${generated.failure.message} in:\n${generated.failure.statement.sql.slice(0, 400)}`,
          );
        expect(source.size).toBeGreaterThan(0);
        expect(compareForeignKeys(source, generated.facts)).toEqual([]);
      },
    );

    it('proves every relationship: no scenario fails', { timeout: perSchemaTimeoutMs }, async () => {
      if (!schema) expect.fail('not imported');
      const started = Date.now();
      const report = await runProof(await database(), schema);
      const counts = summarize(report);
      const total = report.results.length;
      const share = total === 0 ? 0 : (100 * counts.notProvable) / total;
      console.log(
        `[corpus] ${file}: ${schema.tables.length} tables, ${schema.relationships.length} relationships; ${total} scenarios: ${counts.passed} passed, ${counts.failed} failed, ` +
          `${counts.notProvable} not provable (${share.toFixed(1)}%) in ${((Date.now() - started) / 1000).toFixed(1)} s` +
          causes(report)
            .map((c) => `\n  not provable: ${c}`)
            .join(''),
      );
      expect(
        report.ddlError &&
          `${report.ddlError.error.code} ${report.ddlError.error.message} in:\n${report.ddlError.statement.sql.slice(0, 400)}`,
      ).toBeUndefined();
      expect(failures(report)).toEqual([]);
      expect(total).toBeGreaterThan(0);
    });

    it.skipIf(Boolean(server.skip))(
      `runs its exported DDL on PostgreSQL 15 wherever the source runs${server.skip ? ` (skipped: ${server.skip})` : ''}`,
      { timeout: perSchemaTimeoutMs },
      async () => {
        if (!schema) expect.fail('not imported');
        const db = await server.engine.runner();
        const runs = await sourceRunsOn(db, script);
        if (runs !== true) {
          console.log(`[corpus] ${file}: the exported DDL is not run on the server, since ${runs}`);
          return;
        }
        const ddl = generateDdl(schema);
        expect(
          ddl.problems.filter((p) => p.severity === 'error').map((p) => p.message),
          'no DDL is generated while the model has errors',
        ).toEqual([]);
        expect(await firstRefused(db, ddl.statements)).toBeUndefined();
      },
    );
  });
});
