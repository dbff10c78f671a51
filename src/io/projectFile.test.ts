import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseProjectFile, serializeProjectFile } from './projectFile.ts';
import { exampleDocument, examplePath } from '../testing/example.ts';
import type { NoteId } from '../model/index.ts';

describe('project file', () => {
  it('round-trips the example byte for byte', () => {
    expect(serializeProjectFile(exampleDocument())).toBe(readFileSync(examplePath, 'utf8'));
  });

  it('says where a file is wrong', () => {
    expect(parseProjectFile('{')).toMatchObject({ ok: false, error: expect.stringMatching(/^not valid JSON/) });
    expect(parseProjectFile('{"format":"erd-proof","version":1,"schema":{"tables":[{"id":"t","name":3}]}}')).toEqual({
      ok: false,
      error: expect.stringMatching(/^schema\.tables\.0\.name: /),
    });
    expect(parseProjectFile('{"format":"erd-proof","version":9}')).toEqual({ ok: false, error: expect.stringMatching(/newer version/) });
  });

  it('refuses dangling references and duplicate ids', () => {
    const doc = JSON.parse(readFileSync(examplePath, 'utf8'));
    doc.schema.relationships[0].from.tableId = 'tbl_missing';
    expect(parseProjectFile(JSON.stringify(doc))).toEqual({
      ok: false,
      error: 'schema.relationships.0.from.tableId: no table has id "tbl_missing"',
    });
    const dup = JSON.parse(readFileSync(examplePath, 'utf8'));
    dup.schema.tables[1].id = dup.schema.tables[0].id;
    expect(parseProjectFile(JSON.stringify(dup))).toMatchObject({ ok: false, error: expect.stringMatching(/used twice/) });
  });

  it('ignores __proto__ keys instead of polluting objects', () => {
    const text = readFileSync(examplePath, 'utf8').replace('"layout": {', '"layout": { "__proto__": { "x": 1, "y": 2 },');
    const loaded = parseProjectFile(text);
    expect(loaded.ok).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('notes in project files', () => {
  it('keeps sticky notes, and refuses one that is not a note', () => {
    const document = {
      ...exampleDocument(),
      notes: [{ id: 'note_1' as NoteId, text: 'why passport_info is split off', position: { x: 10, y: 20 } }],
    };
    const loaded = parseProjectFile(serializeProjectFile(document));
    expect(loaded.ok && loaded.document.notes).toEqual(document.notes);
    const bad = JSON.parse(serializeProjectFile(document));
    bad.notes[0].text = 42;
    expect(parseProjectFile(JSON.stringify(bad))).toEqual({
      ok: false,
      error: 'notes.0.text: Invalid input: expected string, received number',
    });
    const twice = JSON.parse(serializeProjectFile({ ...document, notes: [...document.notes, ...document.notes] }));
    expect(parseProjectFile(JSON.stringify(twice))).toEqual({ ok: false, error: 'notes.1.id: "note_1" is used twice' });
  });
});
