import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addColumn, setEnd, updateColumn, updateTable, type Schema } from '../model/index.ts';
import { parseProjectFile } from '../io/index.ts';
import { templates } from '../io/templates.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { aSchema, ends, tableOf } from '../testing/factories.ts';
import { importSql } from '../io/importSql.ts';
import { alignByName, diffSchemas, toMigrationSql } from '../migrate/index.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { generateDdl } from '../ddl/index.ts';
import { proveMigration, type MigrationProofReport } from './migrationProof.ts';
import { insertSampleRows } from './sampleRows.ts';
import { scratchSchemaName } from './scratchSchema.ts';

const start = aSchema();
const books = tableOf(start.schema, start.childId);
const title = books.columns.find((c) => c.name === 'title')!;

const withIsbn = addColumn(start.schema, start.childId, { name: 'isbn', type: 'text' }).schema;
const renamed = updateColumn(start.schema, start.childId, title.id, { name: 'headline' });
const oneToOne = setEnd(start.schema, start.relationshipId, 'to', ends.zeroOrOne);
const withoutTitle = updateTable(start.schema, start.childId, (t) => ({ ...t, columns: t.columns.filter((c) => c.id !== title.id) }));

const templateSchemas = templates
  .filter((t) => t.fileName !== null)
  .map((t) => {
    const loaded = parseProjectFile(readFileSync(join(process.cwd(), 'examples', t.fileName!), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    return { name: t.title, schema: loaded.document.schema };
  });

/** Each check's verdict and differences, by kind. */
function verdicts(report: MigrationProofReport): Record<string, { verdict: string; differences: string[] }> {
  expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return Object.fromEntries(report.checks.map((c) => [c.kind, { verdict: c.verdict, differences: c.differences }]));
}

const passed = { verdict: 'passed', differences: [] };
const allPassed = { catalog: passed, rows: passed, relationships: passed, down: passed };

describe.each(engines)('migration proofs on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    const prove = async (from: Schema, to: Schema, up: string, down: string, losesData = {}) =>
      proveMigration(await engine.runner(), from, to, { up, down, ...losesData });

    it.each(templateSchemas)('an empty migration between a template and itself passes every check: $name', async ({ schema }) => {
      const report = await prove(schema, schema, '', '');
      expect(verdicts(report)).toEqual(allPassed);
      expect(report.relationshipResults.filter((r) => r.verdict === 'passed').length).toBeGreaterThan(0);
    });

    it('a parent that needs a child of its own gets sample rows, each with its child', async () => {
      const { schema } = templateSchemas.find((t) => t.name === 'users / user_profiles')!;
      const runner = await engine.runner();
      const report = await proveMigration(runner, schema, schema, { up: '', down: '' });
      expect(report.checks.find((c) => c.kind === 'rows')).toMatchObject({ verdict: 'passed', notes: [] });
      await runner.exec('BEGIN');
      try {
        await runner.exec(`SET LOCAL search_path TO ${scratchSchemaName}, public`);
        await runner.exec(`CREATE SCHEMA ${scratchSchemaName}`);
        await runner.execEach(
          generateDdl(schema)
            .statements.filter((s) => s.kind !== 'note')
            .map((s) => s.sql),
        );
        expect(await insertSampleRows(runner, schema, 3)).toEqual([]);
        const { rows } = await runner.query(
          'SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM user_profiles) AS profiles, ' +
            '(SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM user_profiles p WHERE p.user_id = u.id)) AS alone',
        );
        // Three users, each with the profile it needs; three profiles, each with the user it needs.
        expect(Object.values(rows[0]!).map(Number)).toEqual([6, 6, 0]);
      } finally {
        await runner.exec('ROLLBACK');
      }
    });

    it('adding a column passes, with its rows kept and the relationship proofs run on the migrated database', async () => {
      const report = await prove(start.schema, withIsbn, 'ALTER TABLE books ADD COLUMN isbn text;', 'ALTER TABLE books DROP COLUMN isbn;');
      expect(verdicts(report)).toEqual(allPassed);
      expect(report.relationshipResults.map((r) => [r.kind, r.verdict])).toContainEqual(['secondChild', 'passed']);
    });

    it('values of optional columns count too: a migration that empties one is caught', async () => {
      const up = 'ALTER TABLE books ADD COLUMN isbn text; UPDATE books SET isbn = NULL WHERE false;';
      expect(verdicts(await prove(withIsbn, withIsbn, 'UPDATE books SET isbn = NULL;', ''))).toMatchObject({
        rows: { verdict: 'failed', differences: [expect.stringMatching(/books\.isbn/)] },
      });
      expect(verdicts(await prove(start.schema, withIsbn, up, 'ALTER TABLE books DROP COLUMN isbn;'))).toEqual(allPassed);
    });

    it('renaming a column passes and keeps its values', async () => {
      const report = await prove(
        start.schema,
        renamed,
        'ALTER TABLE books RENAME COLUMN title TO headline;',
        'ALTER TABLE books RENAME COLUMN headline TO title;',
      );
      expect(verdicts(report)).toEqual(allPassed);
    });

    it('a rename written as a drop and an add reaches the right catalog but is caught losing the values', async () => {
      const report = await prove(
        start.schema,
        renamed,
        "ALTER TABLE books DROP COLUMN title; ALTER TABLE books ADD COLUMN headline text NOT NULL DEFAULT ''; ALTER TABLE books ALTER COLUMN headline DROP DEFAULT;",
        'ALTER TABLE books RENAME COLUMN headline TO title;',
      );
      expect(verdicts(report)).toMatchObject({
        catalog: passed,
        rows: {
          verdict: 'failed',
          differences: ['column public.books.headline (was title): its values are not those it had before the migration'],
        },
      });
    });

    it('a 1:N made 1:1 by adding UNIQUE passes, and the second child is now refused on the migrated database', async () => {
      const report = await prove(
        start.schema,
        oneToOne,
        'ALTER TABLE books ADD CONSTRAINT books_author_id_key UNIQUE (author_id);',
        'ALTER TABLE books DROP CONSTRAINT books_author_id_key;',
      );
      expect(verdicts(report)).toEqual(allPassed);
      const second = report.relationshipResults.find((r) => r.kind === 'secondChild')!;
      expect(second.actual).toMatchObject({ outcome: 'rejected', error: { code: '23505' } });
    });

    it('a migration that misses the UNIQUE is reported with the difference and the failed relationship proof', async () => {
      const report = await prove(start.schema, oneToOne, 'SELECT 1;', 'SELECT 1;');
      expect(verdicts(report)).toMatchObject({
        catalog: {
          verdict: 'failed',
          differences: ['constraint public.books.books_author_id_key: in a fresh build of the new schema, not in the migrated database'],
        },
        rows: passed,
        relationships: {
          verdict: 'failed',
          differences: ['A second book for the same author: expected rejected with 23505 (unique_violation), but PostgreSQL accepted'],
        },
        down: passed,
      });
    });

    it('a wrong type and a down that does not undo are each reported with their difference', async () => {
      const report = await prove(start.schema, withIsbn, 'ALTER TABLE books ADD COLUMN isbn varchar(20);', 'SELECT 1;');
      expect(verdicts(report)).toMatchObject({
        catalog: {
          verdict: 'failed',
          differences: [
            'column public.books.isbn: type character varying(20) in the migrated database, text in a fresh build of the new schema',
          ],
        },
        down: {
          verdict: 'failed',
          differences: ['column public.books.isbn: in the database after down, not in a fresh build of the old schema'],
        },
      });
    });

    it('a dropped column fails the rows check unless a step says it loses the values', async () => {
      const up = 'ALTER TABLE books DROP COLUMN title;';
      const down = "ALTER TABLE books ADD COLUMN title text NOT NULL DEFAULT ''; ALTER TABLE books ALTER COLUMN title DROP DEFAULT;";
      const unmarked = verdicts(await prove(start.schema, withoutTitle, up, down));
      expect(unmarked.catalog).toEqual(passed);
      expect(unmarked.rows?.verdict).toBe('failed');
      expect(unmarked.rows?.differences).toEqual([
        expect.stringMatching(/^column public\.books\.title: dropped with its \d+ values, and no step says it loses them$/),
      ]);
      const marked = await prove(start.schema, withoutTitle, up, down, { losesData: [{ tableId: start.childId, columnId: title.id }] });
      expect(verdicts(marked)).toEqual(allPassed);
    });

    it('a refused up script and a COMMIT are reported, and the rest is not provable', async () => {
      for (const up of ['ALTER TABLE books ADD COLUMN isbn nosuchtype;', 'COMMIT;']) {
        const report = verdicts(await prove(start.schema, withIsbn, up, ''));
        expect(report.catalog?.verdict).toBe('failed');
        expect(report.catalog?.differences[0]).toMatch(/^the up migration was refused: statement 1, /);
        expect([report.rows?.verdict, report.relationships?.verdict, report.down?.verdict]).toEqual([
          'notProvable',
          'notProvable',
          'notProvable',
        ]);
      }
      const runner = await engine.runner();
      const { rows } = await runner.query("SELECT count(*)::int AS n FROM pg_catalog.pg_namespace WHERE nspname = 'erd_proof'");
      expect(rows[0]?.n).toBe(0);
    });
  });
});

describe('migration proofs of imported schemas', () => {
  it('build an extension this database lacks from its stand-in types, as the proofs do (pgvector in PGlite)', async () => {
    const runner = await testRunner();
    const script = (extra: string) =>
      `CREATE EXTENSION IF NOT EXISTS vector;\nCREATE TABLE film (id integer PRIMARY KEY, embedding vector(3)${extra});\nCREATE TABLE clip (id integer PRIMARY KEY, film_id integer NOT NULL REFERENCES film (id));`;
    // One import at a time: each runs in the one test PGlite.
    const before = await importSql(script(''), runner);
    const after = await importSql(script(', title text'), runner);
    if (!before.ok || !after.ok) throw new Error('the scripts were not imported');
    const migration = diffSchemas(alignByName(before.schema, after.schema), after.schema);
    expect(migration.up.map((s) => s.sql)).toEqual(['ALTER TABLE film ADD COLUMN title text;']);
    const report = await proveMigration(runner, alignByName(before.schema, after.schema), after.schema, {
      up: toMigrationSql(migration.up),
      down: toMigrationSql(migration.down),
    });
    expect(verdicts(report)).toEqual(allPassed);
  });
});
