import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renameTable, type ErdDocument } from '../model/index.ts';
import { exampleDocument, examplePath } from '../testing/example.ts';
import { aVersion } from '../testing/factories.ts';
import { parseProjectFile, serializeProjectFile } from './projectFile.ts';
import { decodeShareLink, encodeShareLink } from './shareLink.ts';

/** The example with two versions: the schema as imported, and a later one with a table renamed. */
function versionedExample(): ErdDocument {
  const document = exampleDocument();
  const imported = aVersion({
    name: 'imported from library.sql',
    kind: 'imported',
    createdAt: '2026-01-02T03:04:05.678Z',
    schema: document.schema,
  });
  const table = document.schema.tables[0]!;
  const deployed = aVersion({ name: 'deployed 2026-02-01 10:00', schema: renameTable(document.schema, table.id, 'writers') });
  return { ...document, versions: [imported, deployed] };
}

const jsonOf = (document: ErdDocument) =>
  JSON.parse(serializeProjectFile(document)) as Record<string, unknown> & { versions: Record<string, unknown>[] };
const loadJson = (json: unknown) => parseProjectFile(JSON.stringify(json));

describe('named versions in project files', () => {
  it('round-trip with their names, dates, kinds and whole schemas', () => {
    const document = versionedExample();
    expect(parseProjectFile(serializeProjectFile(document))).toEqual({ ok: true, document });
    expect(parseProjectFile(serializeProjectFile(document, 0))).toEqual({ ok: true, document });
  });

  it('are left out of the file when there are none, and absent from the document loaded', () => {
    const text = serializeProjectFile({ ...exampleDocument(), versions: [] });
    expect(JSON.parse(text)).not.toHaveProperty('versions');
    const loaded = parseProjectFile(text);
    expect(loaded.ok && 'versions' in loaded.document).toBe(false);
  });

  it('an older file (version 2, before versions) loads with none', () => {
    const v2 = { ...(JSON.parse(readFileSync(examplePath, 'utf8')) as object), version: 2 };
    const loaded = loadJson(v2);
    expect(loaded).toEqual({ ok: true, document: exampleDocument() });
    expect(loaded.ok && loaded.document.versions).toBeUndefined();
  });

  it('a newer file opens read-only with its versions', () => {
    const document = versionedExample();
    const loaded = loadJson({ ...jsonOf(document), version: 4 });
    expect(loaded).toMatchObject({ ok: true, readOnly: true, document: { versions: document.versions } });
  });

  it('a version schema is validated like the main one, and the error says where', () => {
    const json = jsonOf(versionedExample());
    const schema = json.versions[1]!.schema as { relationships: { from: { tableId: string } }[] };
    schema.relationships[0]!.from.tableId = 'tbl_gone';
    expect(loadJson(json)).toEqual({ ok: false, error: 'versions.1.schema.relationships.0.from.tableId: no table has id "tbl_gone"' });
    const badColumn = jsonOf(versionedExample());
    (badColumn.versions[0]!.schema as { tables: { columns: unknown }[] }).tables[0]!.columns = 'id';
    expect(loadJson(badColumn)).toMatchObject({ ok: false, error: expect.stringMatching(/^versions\.0\.schema\.tables\.0\.columns: /) });
  });

  it.each([
    ['an id of another kind', { id: 'tbl_1' }, /^versions\.0\.id: a version id starts with ver_/],
    ['an empty name', { name: '' }, /^versions\.0\.name: a version name is one line/],
    ['a name over two lines', { name: 'a\nb' }, /^versions\.0\.name: a version name is one line/],
    ['a name of 5000 characters', { name: 'x'.repeat(5000) }, /^versions\.0\.name: /],
    ['a date that is not one', { createdAt: 'yesterday' }, /^versions\.0\.createdAt: /],
    ['an unknown kind', { kind: 'tagged' }, /^versions\.0\.kind: /],
    ['no schema', { schema: undefined }, /^versions\.0\.schema: /],
  ])('refuses a version with %s', (_, fields, error) => {
    const json = jsonOf(versionedExample());
    json.versions[0] = { ...json.versions[0], ...fields };
    expect(loadJson(json)).toMatchObject({ ok: false, error: expect.stringMatching(error) });
  });

  it('refuses two versions with one id, and versions that are not a list', () => {
    const json = jsonOf(versionedExample());
    json.versions[1]!.id = json.versions[0]!.id;
    expect(loadJson(json)).toEqual({ ok: false, error: `versions.1.id: "${String(json.versions[0]!.id)}" is used twice` });
    expect(loadJson({ ...json, versions: { 0: json.versions[0] } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^versions: /),
    });
  });

  it('keeps a name holding markup as the text it is', () => {
    const json = jsonOf(versionedExample());
    json.versions[0]!.name = '<img src=x onerror=alert(1)>';
    const loaded = loadJson(json);
    expect(loaded.ok && loaded.document.versions![0]!.name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('named versions in share links', () => {
  it('travel in the link and come back whole', async () => {
    const document = versionedExample();
    const encoded = await encodeShareLink(document);
    if (!encoded.ok) throw new Error(encoded.error);
    expect(await decodeShareLink(encoded.fragment)).toEqual({ ok: true, document });
  });

  it('cost little when a version is close to the design: deflate finds the repeated text', async () => {
    const plain = await encodeShareLink(exampleDocument());
    const versioned = await encodeShareLink(versionedExample());
    if (!plain.ok || !versioned.ok) throw new Error('not encoded');
    // Two copies of the schema more, yet the link grows by far less than one copy's own link.
    expect(versioned.fragment.length - plain.fragment.length).toBeLessThan(plain.fragment.length / 2);
  });
});
