import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { main, nodeIo, type CliIo } from './main.ts';
import { examplePath } from '../testing/example.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { memoryCliIo } from '../testing/memoryCliIo.ts';

/** The two reproduced attacks, each in a copy of the example a stranger could share. */
async function hostileFiles(): Promise<Record<string, string>> {
  const example = JSON.parse(await readFile(examplePath, 'utf8'));
  const withDefault = structuredClone(example);
  withDefault.schema.enums.push({ id: 'enum_e', name: '€e', schemaName: 'public', values: ['a'] });
  withDefault.schema.tables[0].columns[1].defaultValue =
    "€e'\\'::text); DROP TABLE IF EXISTS public.victim; CREATE TABLE notes_2 (id int, --'";
  const withDomain = structuredClone(example);
  withDomain.schema.sqlObjects = [
    { id: 'sql_evil', kind: 'domain', name: 'd', sql: 'CREATE DOMAIN d AS int; COMMIT; DROP TABLE IF EXISTS public.victim; COMMIT; BEGIN' },
  ];
  return { 'default.erd.json': JSON.stringify(withDefault), 'domain.erd.json': JSON.stringify(withDomain) };
}

describe('erd on a document that smuggles SQL', () => {
  it.each(['default.erd.json', 'domain.erd.json'])(
    '%s: lint names the problem, ddl prints nothing, and prove runs nothing, each with exit 1',
    async (name) => {
      const files = await hostileFiles();
      for (const command of ['lint', 'ddl', 'prove']) {
        const { io, output } = memoryCliIo(files);
        const inPglite: CliIo = { ...io, openDatabase: async () => ({ runner: await testRunner(), close: async () => {} }) };
        const code = await main([command, name], inPglite);
        expect(code, `erd ${command}`).toBe(1);
        expect(output.stdout + output.stderr, `erd ${command}`).toMatch(
          /Column "authors".name: the default has a "\)" without its opening bracket|The kept domain "d" must be one CREATE DOMAIN statement/,
        );
        expect(output.stdout).not.toContain('DROP TABLE IF EXISTS public.victim');
        expect(output.stdout).not.toContain('CREATE TABLE');
        expect(output.stderr).not.toMatch(/\n\s+at /);
      }
    },
  );

  it('never touches a database for them', async () => {
    const files = await hostileFiles();
    const { io } = memoryCliIo(files);
    const code = await main(['prove', 'domain.erd.json'], { ...nodeIo(), ...io, openDatabase: () => Promise.reject(new Error('opened')) });
    expect(code).toBe(1);
  });
});
