import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { encodeShareLink } from '../src/io/shareLink.ts';
import type { ErdDocument } from '../src/model/index.ts';

const examplePath = new URL('../examples/classic-one-to-one.erd.json', import.meta.url);

/** The example with the two reproduced attacks and a name that reads backwards, as a stranger would share it. */
async function hostileLink(): Promise<string> {
  const example = JSON.parse(await readFile(examplePath, 'utf8')) as ErdDocument & {
    schema: { tables: { name: string; columns: { defaultValue: string | null }[] }[] };
  };
  example.schema.enums.push({ id: 'enum_e', name: '€e', schemaName: 'public', values: ['a'] });
  example.schema.tables[0]!.columns[1]!.defaultValue =
    "€e'\\'::text); DROP TABLE IF EXISTS public.victim; CREATE TABLE notes_2 (id int, --'";
  example.schema.tables[2]!.name = '\u202Eevil';
  example.schema.sqlObjects = [
    { id: 'sql_evil', kind: 'domain', name: 'd', sql: 'CREATE DOMAIN d AS int; COMMIT; DROP TABLE IF EXISTS public.victim; COMMIT; BEGIN' },
  ];
  const encoded = await encodeShareLink(example);
  if (!encoded.ok) throw new Error(encoded.error);
  return encoded.fragment;
}

test('a shared link that smuggles SQL opens with each problem named in the browser, and no DDL or proof runs', async ({ page }) => {
  await page.goto(`/${await hostileLink()}`);
  const problems = page.getByRole('list', { name: 'Problems in the model' });
  await page.getByRole('tab', { name: 'DDL' }).click();
  await expect(problems).toContainText('Column "authors".name: the default has a ")" without its opening bracket');
  await expect(problems).toContainText(
    'The kept domain "d" must be one CREATE DOMAIN statement, but is CREATE DOMAIN; COMMIT; DROP TABLE; COMMIT; BEGIN',
  );
  await expect(problems).toContainText('A table "<U+202E>evil" contains an invisible or text-direction character (U+202E)');
  // On the canvas the name shows what it holds, not "live".
  await expect(page.locator('.table-node .table-name', { hasText: '<U+202E>evil' })).toBeVisible();
  await expect(page.getByTestId('ddl')).toHaveText('');
  await page.getByRole('tab', { name: /Proof/ }).click();
  await expect(page.getByRole('tab', { name: /Proof/ })).toHaveText('Proof 0 proven');
});
