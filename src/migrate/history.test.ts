import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSql } from '../io/importSql.ts';
import type { Schema } from '../model/index.ts';
import { corpusDir, hasCorpusFile, readCorpusFile } from '../testing/corpus.ts';
import { expectMigrates } from '../testing/migrationCheck.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { alignByName } from './index.ts';

/** The steps each release's migration marks as losing data: one type change in danbooru; OpenStreetMap only adds. */
const knownLosses: Record<string, string[]> = {
  'danbooru/05-2025-07-20-e377647fc.sql': [
    'ALTER TABLE user_events ALTER COLUMN login_session_id TYPE uuid USING login_session_id::text::uuid;',
  ],
};

async function imported(path: string): Promise<Schema> {
  const result = await importSql(readCorpusFile(path), await testRunner());
  if (!result.ok) throw new Error(`${path}: ${result.error.line}: ${result.error.message}`);
  return result.schema;
}

/** Consecutive releases of real projects' schemas (pg_dump structure files, in order), from ../shared/corpus/history. */
describe.each(['openstreetmap', 'danbooru'])('migrations between consecutive releases of %s', (project) => {
  const hasHistory = hasCorpusFile(`history/${project}`);
  const releases = hasHistory ? readdirSync(`${corpusDir}history/${project}`).sort() : [];
  it.skipIf(!hasHistory).each(releases.slice(1).map((to, i) => [releases[i]!, to]))(
    '%s -> %s: up reaches the newer release, down returns',
    async (fromFile, toFile) => {
      const [before, after] = [await imported(`history/${project}/${fromFile}`), await imported(`history/${project}/${toFile}`)];
      const migration = await expectMigrates(await testRunner(), alignByName(before, after), after);
      expect(migration.up.length).toBeGreaterThan(0);
      expect(migration.up.filter((s) => s.losesData).map((s) => s.sql)).toEqual(knownLosses[`${project}/${toFile}`] ?? []);
    },
    120_000,
  );
});
