import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProjectFile, projectFileVersion, serializeProjectFile } from './projectFile.ts';
import { exampleDocument, examplePath } from '../testing/example.ts';

const exampleJson = () =>
  JSON.parse(readFileSync(examplePath, 'utf8')) as Record<string, unknown> & {
    schema: { tables: { name: string; columns: { name: string }[] }[] };
  };

describe('project file versions', () => {
  it('writes the latest version, 3', () => {
    expect(projectFileVersion).toBe(3);
    expect(JSON.parse(serializeProjectFile(exampleDocument())).version).toBe(3);
  });

  it('opens a version-1 file by migrating it', () => {
    const loaded = parseProjectFile(JSON.stringify({ ...exampleJson(), version: 1 }));
    expect(loaded).toEqual({ ok: true, document: exampleDocument() });
  });

  it('opens a newer file it can still read read-only, dropping the fields it does not know', () => {
    const newer = { ...exampleJson(), version: 4, comments: ['from the future'] };
    const loaded = parseProjectFile(JSON.stringify(newer));
    expect(loaded).toEqual({
      ok: true,
      document: exampleDocument(),
      readOnly: true,
      message: 'made by a newer version of the editor (file version 4, this one reads up to 3): opened read-only',
    });
    expect(JSON.stringify(loaded)).not.toContain('from the future');
  });

  it('refuses a newer file it cannot read, saying both why', () => {
    const newer = { ...exampleJson(), version: 4, schema: { entities: [] } };
    expect(parseProjectFile(JSON.stringify(newer))).toEqual({
      ok: false,
      error:
        'made by a newer version of the editor (file version 4, this one reads up to 3) and cannot be read: schema.tables: Invalid input: expected array, received undefined',
    });
  });

  it.each([0, -1, 1.5, '2', null])('refuses version %j', (version) => {
    expect(parseProjectFile(JSON.stringify({ ...exampleJson(), version }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^version: /),
    });
  });

  it.each(['null', '[]', '"text"', '42'])('refuses %s as a file', (text) => {
    expect(parseProjectFile(text)).toMatchObject({ ok: false });
  });
});

describe('hostile data in project files', () => {
  it('treats __proto__ keys anywhere as plain data and never touches a prototype', () => {
    const text = readFileSync(examplePath, 'utf8')
      .replace('{\n  "format"', '{\n  "__proto__": { "version": 99, "polluted": 1 },\n  "format"')
      .replace('"schemaName": "public",', '"schemaName": "public", "__proto__": { "isPrimaryKey": true, "polluted": 1 },')
      .replace('"isPrimaryKey": true,', '"isPrimaryKey": true, "__proto__": { "polluted": 1 },');
    const loaded = parseProjectFile(text);
    expect(loaded).toEqual({ ok: true, document: exampleDocument() });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (loaded.ok) for (const table of loaded.document.schema.tables) expect(Object.getPrototypeOf(table)).toBe(Object.prototype);
  });

  it('keeps names holding <script> as the text they are', () => {
    const json = exampleJson();
    json.schema.tables[0]!.name = '<script>alert(1)</script>';
    json.schema.tables[0]!.columns[1]!.name = '"><img src=x onerror=alert(1)>';
    const loaded = parseProjectFile(JSON.stringify(json));
    expect(loaded.ok && loaded.document.schema.tables[0]!.name).toBe('<script>alert(1)</script>');
    expect(loaded.ok && loaded.document.schema.tables[0]!.columns[1]!.name).toBe('"><img src=x onerror=alert(1)>');
  });
});
