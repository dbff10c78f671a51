import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { importSql } from '../io/importSql.ts';
import type { Schema } from '../model/index.ts';
import { corpusDir, hasCorpusFile, readCorpusFile } from '../testing/corpus.ts';
import type { Engine } from '../testing/engines.ts';
import { expectMigrates } from '../testing/migrationCheck.ts';
import { serverEngine, serverSkip } from '../testing/serverDatabase.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { alignByName } from './index.ts';

/** The steps each release's migration marks as losing data: one type change in danbooru; OpenStreetMap only adds. */
const knownLosses: Record<string, string[]> = {
  'danbooru/05-2025-07-20-e377647fc.sql': [
    'ALTER TABLE user_events ALTER COLUMN login_session_id TYPE uuid USING login_session_id::text::uuid;',
  ],
};

/** Each release imported once (through PGlite, as the app imports), for both engines. */
const importedReleases = new Map<string, Promise<Schema>>();
function imported(path: string): Promise<Schema> {
  let schema = importedReleases.get(path);
  if (!schema) {
    schema = (async () => {
      const result = await importSql(readCorpusFile(path), await testRunner());
      if (!result.ok) throw new Error(`${path}: ${result.error.line}: ${result.error.message}`);
      return result.schema;
    })();
    importedReleases.set(path, schema);
  }
  return schema;
}

/** PGlite, and PostgreSQL 15 in a database of its own (other test files build tables in public on that server at the same time). */
const executedOn = [
  { engine: { name: 'PGlite', runner: testRunner } as Engine, skip: false as const },
  { engine: serverEngine('erd_migrate_history'), skip: serverSkip },
];

/** Consecutive releases of real projects' schemas (pg_dump structure files, in order), from ../shared/corpus/history. */
describe.each(executedOn)('real histories on $engine.name', ({ engine, skip }) => {
  afterAll(async () => {
    if ('close' in engine) await engine.close();
  });
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    describe.each(['openstreetmap', 'danbooru'])('migrations between consecutive releases of %s', (project) => {
      const hasHistory = hasCorpusFile(`history/${project}`);
      const releases = hasHistory ? readdirSync(`${corpusDir}history/${project}`).sort() : [];
      // Without the corpus there are no release pairs: one skipped test says so, rather than none at all.
      if (!hasHistory) it.skip(`skipped: ${corpusDir}history/${project} not found (a fresh clone has no ../shared)`, () => {});
      it.each(releases.slice(1).map((to, i) => [releases[i]!, to]))(
        '%s -> %s: up reaches the newer release, down returns',
        async (fromFile, toFile) => {
          const [before, after] = [await imported(`history/${project}/${fromFile}`), await imported(`history/${project}/${toFile}`)];
          const migration = await expectMigrates(await engine.runner(), alignByName(before, after), after);
          expect(migration.up.length).toBeGreaterThan(0);
          expect(migration.up.filter((s) => s.losesData).map((s) => s.sql)).toEqual(knownLosses[`${project}/${toFile}`] ?? []);
        },
        120_000,
      );
    });
  });
});
