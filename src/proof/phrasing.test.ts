import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importSql } from '../io/importSql.ts';
import { parseProjectFile } from '../io/projectFile.ts';
import { templates } from '../io/templates.ts';
import { describeRelationship, lintSchema, plural, type Schema } from '../model/index.ts';
import { hasCorpusFile, readCorpusFile } from '../testing/corpus.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { buildScenarios } from './buildScenarios.ts';

/** Every sentence the editor builds from a schema's table names: relationship descriptions, scenario titles and reasons, problems. */
function sentences(schema: Schema): string[] {
  const scenarios = buildScenarios(schema);
  return [
    ...schema.relationships.map((r) => describeRelationship(schema, r)),
    ...scenarios.flatMap((s) => [s.title, 'because' in s ? s.because : '']),
    ...lintSchema(schema).map((p) => p.message),
  ].filter(Boolean);
}

/** What reads wrong: "an user", "a address", "zero or many address". */
function misreadings(text: string): string[] {
  const wrongArticle = [...text.matchAll(/\b(an (?=u[bcdfgjklmpqrstvwxz][aeiou])|[Aa] (?=[aeio]))\w+/g)].map((m) => m[0]);
  const singularAfterMany = [...text.matchAll(/\bmany (\w+)/g)].filter((m) => plural(m[1]!) !== m[1]).map((m) => m[0]);
  return [...wrongArticle, ...singularAfterMany];
}

function templateSchema(fileName: string): Schema {
  const loaded = parseProjectFile(readFileSync(new URL(`../../examples/${fileName}`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(`${fileName}: ${loaded.error}`);
  return loaded.document.schema;
}

describe('sentences built from table names', () => {
  it.each(templates.filter((t) => t.fileName).map((t) => [t.title, t.fileName!]))('read right on the template %s', (_, fileName) => {
    const all = sentences(templateSchema(fileName));
    expect(all.length).toBeGreaterThan(5);
    expect(all.flatMap(misreadings)).toEqual([]);
  });

  it('say "a user" and "a user_profile" on users / user_profiles', () => {
    const all = sentences(templateSchema('users-user-profiles.erd.json')).join('\n');
    expect(all).toContain('A user with no user_profile, at COMMIT');
    expect(all).not.toMatch(/\ban user/);
  });

  const hasPagila = hasCorpusFile('pagila-schema.sql');
  describe.skipIf(!hasPagila)('on pagila, whose tables are named in the singular', () => {
    let schema: Schema;
    beforeAll(async () => {
      const imported = await importSql(readCorpusFile('pagila-schema.sql'), await testRunner());
      if (!imported.ok) throw new Error(imported.error.message);
      schema = imported.schema;
    }, 60_000);

    it('count many rows in the plural and choose articles by sound', () => {
      const all = sentences(schema);
      expect(all.flatMap(misreadings)).toEqual([]);
      const text = all.join('\n');
      expect(text).toContain('each city has zero or many addresses');
      expect(text).toContain('An address for an existing city');
      expect(text).toMatch(/Deleting an address that has a customer/);
    });
  });
});
