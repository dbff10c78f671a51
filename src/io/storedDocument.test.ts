import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../testing/example.ts';
import { serializeProjectFile } from './projectFile.ts';
import {
  fileNameFor,
  isNewerThan,
  nameFromFileName,
  newStoredDocument,
  planWrite,
  readLibraryMessage,
  readStoredDocument,
  uniqueName,
} from './storedDocument.ts';

const document = exampleDocument();
const stored = newStoredDocument('doc1', 'Library', document, 1000);
const edited = { ...document, layout: { ...document.layout, tbl_books: { x: 1, y: 2 } } };

describe('stored documents', () => {
  it('reads a valid record back as the same document', () => {
    const read = readStoredDocument(structuredClone(stored), 'doc1');
    expect(read).toEqual({ ok: true, record: stored, document });
  });

  it('names what is wrong with a damaged record, never throwing', () => {
    expect(readStoredDocument(null, 'k')).toMatchObject({
      ok: false,
      error: /stored record is damaged \(the record: /,
      summary: { id: 'k', name: 'k' },
    });
    expect(readStoredDocument({ ...stored, revision: 'x' }, 'doc1')).toMatchObject({
      ok: false,
      error: /revision: /,
      summary: { name: 'Library' },
    });
    const badText = readStoredDocument(
      { ...stored, text: '{"format":"erd-proof","version":1,"schema":{"tables":[{"id":"t","name":3}]}}' },
      'doc1',
    );
    expect(badText).toMatchObject({ ok: false, error: /^the stored document is damaged \(schema\.tables\.0\.name: / });
    expect(readStoredDocument({ ...stored, text: '{' }, 'doc1')).toMatchObject({
      ok: false,
      summary: { id: 'doc1', damage: /not valid JSON/ },
    });
  });
});

describe('revisions', () => {
  it('a write on top of the stored revision goes up by one and keeps the stored name', () => {
    const plan = planWrite(
      { ...stored, name: 'Renamed elsewhere' },
      { id: 'doc1', baseRevision: 1, name: 'Library', document: edited, now: 2000 },
    );
    expect(plan).toEqual({
      ok: true,
      record: { ...stored, name: 'Renamed elsewhere', revision: 2, savedAt: 2000, text: serializeProjectFile(edited) },
    });
  });

  it('never replaces a newer revision', () => {
    const newer = { ...stored, revision: 5 };
    expect(planWrite(newer, { id: 'doc1', baseRevision: 4, name: 'Library', document: edited, now: 2000 })).toEqual({
      ok: false,
      conflict: { revision: 5 },
    });
  });

  it('stores a document deleted meanwhile (or never stored) again, after its base', () => {
    const plan = planWrite(undefined, { id: 'doc1', baseRevision: 3, name: 'Library', document: edited, now: 2000 });
    expect(plan).toMatchObject({ ok: true, record: { id: 'doc1', name: 'Library', revision: 4, text: serializeProjectFile(edited) } });
  });

  it('tells a newer save of the open document from anything else', () => {
    const saved = readLibraryMessage({ type: 'saved', id: 'doc1', revision: 3, tabId: 'b' })!;
    expect(isNewerThan(saved, 'doc1', 2)).toBe(true);
    expect(isNewerThan(saved, 'doc1', 3)).toBe(false);
    expect(isNewerThan(saved, 'doc2', 1)).toBe(false);
    expect(readLibraryMessage({ type: 'saved', id: 'doc1' })).toBeNull();
    expect(readLibraryMessage('hello')).toBeNull();
  });
});

describe('names', () => {
  it('keeps listed names apart', () => {
    expect(uniqueName('Shop', ['Library'])).toBe('Shop');
    expect(uniqueName('Shop', ['Shop', 'Shop (2)'])).toBe('Shop (3)');
    expect(uniqueName('  ', [])).toBe('Untitled');
  });

  it('turns file names into document names and back', () => {
    expect(nameFromFileName('shop.erd.json')).toBe('shop');
    expect(nameFromFileName('Shop.JSON')).toBe('Shop');
    expect(fileNameFor('authors / passport_info')).toBe('authors - passport_info.erd.json');
    expect(fileNameFor('a\u0007b:c')).toBe('ab-c.erd.json');
    expect(fileNameFor('')).toBe('diagram.erd.json');
  });
});
