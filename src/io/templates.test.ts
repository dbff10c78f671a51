import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSchema } from '../model/index.ts';
import { runProof, summarize } from '../proof/index.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { parseProjectFile, serializeProjectFile } from './projectFile.ts';
import { templates } from './templates.ts';

describe('templates', () => {
  it('has a blank one and the five classic one-to-one cases, each with one line of why', () => {
    expect(templates.map((t) => t.title)).toEqual([
      'Blank',
      'authors / passport_info',
      'users / user_profiles',
      'country / capital',
      'student / certificate',
      'users / user_settings',
    ]);
    for (const template of templates) expect(template.why).toMatch(/^[^\n]{20,200}$/);
  });

  for (const template of templates.filter((t) => t.fileName)) {
    it(`${template.title}: loads, is stable on save, has no lint error and proves every scenario`, async () => {
      const text = readFileSync(join(process.cwd(), 'examples', template.fileName!), 'utf8');
      const loaded = parseProjectFile(text);
      if (!loaded.ok) throw new Error(`${template.fileName}: ${loaded.error}`);
      expect(serializeProjectFile(loaded.document)).toBe(text);
      expect(lintSchema(loaded.document.schema).filter((p) => p.severity === 'error')).toEqual([]);
      const [first, second] = template.title.split(' / ');
      expect(loaded.document.schema.tables.map((t) => t.name)).toEqual(expect.arrayContaining([first, second]));
      const report = await runProof(await testRunner(), loaded.document.schema);
      const counts = summarize(report);
      expect(
        counts.failed,
        JSON.stringify(
          report.results.filter((r) => r.verdict !== 'passed'),
          null,
          1,
        ),
      ).toBe(0);
      expect(counts.notProvable).toBe(0);
      expect(counts.passed).toBeGreaterThan(0);
      expect(report.problems).toEqual([]);
    });
  }
});
