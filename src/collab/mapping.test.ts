import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseProjectFile } from '../io/projectFile.ts';
import { templates } from '../io/templates.ts';
import { editColumn } from '../model/index.ts';
import { documentArb } from '../testing/documentArb.ts';
import { propertyRuns } from '../testing/propertyRuns.ts';
import { throughRoom } from '../testing/throughRoom.ts';
import { applyDocumentChange, writeDocument } from './writeDocument.ts';
import { readRawDocument } from './readDocument.ts';
import { storedFormat, yFormatVersion } from './yShape.ts';

const runs = propertyRuns(100);

describe('document <-> Y.Doc', () => {
  for (const template of templates.filter((t) => t.fileName)) {
    it(`is the identity for the template ${template.title}, which a room accepts`, () => {
      const loaded = parseProjectFile(readFileSync(join(process.cwd(), 'examples', template.fileName!), 'utf8'));
      if (!loaded.ok) throw new Error(loaded.error);
      expect(throughRoom(loaded.document)).toStrictEqual(loaded.document);
    });
  }

  it('is the identity for random documents (optional parts present or absent as written), which a room accepts', () => {
    fc.assert(
      fc.property(documentArb, (document) => {
        expect(throughRoom(document)).toStrictEqual(document);
      }),
      { numRuns: runs },
    );
  });

  it('writes one key for one column renamed, in one transaction, in a Y.Doc that says its format', () => {
    const loaded = parseProjectFile(readFileSync(join(process.cwd(), 'examples', templates[1]!.fileName!), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    const before = loaded.document;
    const ydoc = new Y.Doc();
    writeDocument(ydoc, before);
    const table = before.schema.tables[0]!;
    const after = { ...before, schema: editColumn(before.schema, table.id, table.columns[1]!.id, { name: 'renamed' }) };
    const writes: Y.Transaction[] = [];
    ydoc.on('afterTransaction', (tr: Y.Transaction) => writes.push(tr));
    applyDocumentChange(ydoc, before, after, 'me');
    expect(writes).toHaveLength(1);
    expect([...writes[0]!.changed.values()].map((keys) => [...keys])).toEqual([['name']]);
    expect(writes[0]!.origin).toBe('me');
    expect(readRawDocument(ydoc)).toStrictEqual(after);
    expect(storedFormat(ydoc)).toBe(yFormatVersion);
    expect(storedFormat(new Y.Doc())).toBeUndefined();
  });
});
