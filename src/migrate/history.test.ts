import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSql } from '../io/importSql.ts';
import type { Schema } from '../model/index.ts';
import { hasCorpusFile, readCorpusFile } from '../testing/corpus.ts';
import { expectMigrates } from '../testing/migrationCheck.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { alignByName } from './index.ts';

/** Consecutive releases of a real project's schema (pg_dump structure files, in order), from ../shared/corpus/history. */
const project = 'openstreetmap';
const hasHistory = hasCorpusFile(`history/${project}`);
const releases = hasHistory ? readdirSync(`${new URL(`../../../shared/corpus/history/${project}/`, import.meta.url).pathname}`).sort() : [];

async function imported(file: string): Promise<Schema> {
  const result = await importSql(readCorpusFile(`history/${project}/${file}`), await testRunner());
  if (!result.ok) throw new Error(`${file}: ${result.error.line}: ${result.error.message}`);
  return result.schema;
}

describe.skipIf(!hasHistory)(`migrations between consecutive releases of ${project}`, () => {
  it.each(releases.slice(1).map((to, i) => [releases[i]!, to]))(
    '%s -> %s: up reaches the newer release, down returns',
    async (fromFile, toFile) => {
      const [before, after] = [await imported(fromFile), await imported(toFile)];
      const migration = await expectMigrates(await testRunner(), alignByName(before, after), after);
      // Each release adds tables, columns or indexes (one drops an index): something to do, and nothing that loses data.
      expect(migration.up.length).toBeGreaterThan(0);
      expect(migration.up.filter((s) => s.losesData)).toEqual([]);
    },
    120_000,
  );
});
