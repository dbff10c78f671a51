import { describe, expect, it, vi } from 'vitest';
import { aSchema, ends } from '../testing/factories.ts';
import { importNotes } from './importNotes.ts';
import { describeImport, importDocument, importFormatOf, type Importers } from './importDocument.ts';

const { schema } = aSchema(ends.exactlyOne, ends.zeroOrMany);
const gridLayout = Object.fromEntries(schema.tables.map((t, i) => [t.id, { x: i * 10, y: 0 }]));
const elkLayout = Object.fromEntries(schema.tables.map((t, i) => [t.id, { x: 100 + i * 300, y: 50 }]));

const importers = (overrides: Partial<Importers> = {}): Importers => ({
  importSql: vi.fn(async () => ({
    ok: true as const,
    schema,
    layout: gridLayout,
    notes: [],
    skipped: { GRANT: 2 },
    summary: 'skipped: 2 GRANT',
  })),
  importDbml: vi.fn(async () => ({ ok: true as const, document: { schema, layout: gridLayout } })),
  layout: vi.fn(async () => elkLayout),
  ...overrides,
});

describe('importFormatOf', () => {
  it('goes by the file name, then by how the text opens', () => {
    expect(importFormatOf('shop.dbml', 'CREATE TABLE x ()')).toBe('dbml');
    expect(importFormatOf('shop.sql', 'Table x {}')).toBe('sql');
    expect(importFormatOf('', '// a comment\nTable users {\n id int [pk]\n}')).toBe('dbml');
    expect(importFormatOf('', '-- pg_dump\nCREATE TABLE users (id int);')).toBe('sql');
  });
});

describe('importDocument', () => {
  it('reads SQL through the given importer and lays the tables out anew, with the schema kept as its first version', async () => {
    const now = new Date('2026-12-03T17:00:00Z');
    const outcome = await importDocument('CREATE TABLE ...', 'sql', importers(), { fileName: 'orders.sql', now });
    const version = {
      id: expect.stringMatching(/^ver_/),
      name: 'imported from orders.sql',
      createdAt: now.toISOString(),
      kind: 'imported',
      schema,
    };
    expect(outcome).toEqual({
      ok: true,
      document: { schema, layout: elkLayout, notes: [], versions: [version] },
      report: { tables: 2, relationships: 1, summary: 'skipped: 2 GRANT', notes: [] },
    });
  });

  it('keeps the grid when the layout fails, and the importer’s remarks as a sticky note above the tables', async () => {
    const outcome = await importDocument(
      'CREATE TABLE ...',
      'sql',
      importers({
        importSql: async () => ({
          ok: true,
          schema,
          layout: gridLayout,
          notes: ['a partial unique index does not make a 1:1'],
          skipped: {},
          summary: 'nothing skipped',
        }),
        layout: async () => Promise.reject(new Error('no worker')),
      }),
    );
    if (!outcome.ok) throw new Error('expected an import');
    expect(outcome.document.layout).toEqual(gridLayout);
    expect(outcome.document.notes).toHaveLength(1);
    expect(outcome.document.notes![0]!.text).toBe('Notes from the import:\n• a partial unique index does not make a 1:1');
    expect(outcome.document.notes![0]!.position.y).toBeLessThan(0);
  });

  it('names the version of pasted text "imported script", and makes one for DBML too', async () => {
    const pasted = await importDocument('CREATE TABLE ...', 'sql', importers());
    expect(pasted.ok && pasted.document.versions!.map((v) => [v.name, v.kind])).toEqual([['imported script', 'imported']]);
    const dbml = await importDocument('Table a {}', 'dbml', importers(), { fileName: 'shop.dbml' });
    expect(dbml.ok && dbml.document.versions!.map((v) => v.name)).toEqual(['imported from shop.dbml']);
    expect(dbml.ok && dbml.document.versions![0]!.schema).toBe(schema);
  });

  it('turns an SQL error into a problem with its line and statement', async () => {
    const outcome = await importDocument(
      'x',
      'sql',
      importers({
        importSql: async () => ({
          ok: false,
          error: {
            line: 3,
            statement: 'CREATE TABLE b (a_id int REFERENCES nowhere)',
            message: 'relation "nowhere" does not exist',
            code: '42P01',
          },
        }),
      }),
    );
    expect(outcome).toEqual({
      ok: false,
      problem: { line: 3, statement: 'CREATE TABLE b (a_id int REFERENCES nowhere)', message: 'relation "nowhere" does not exist' },
    });
  });

  it('reads DBML with its error position, and refuses empty text without running anything', async () => {
    const given = importers({ importDbml: async () => ({ ok: false, error: 'Expect an identifier', line: 2, column: 7 }) });
    expect(await importDocument('Table {', 'dbml', given)).toEqual({
      ok: false,
      problem: { message: 'Expect an identifier', line: 2, column: 7 },
    });
    const untouched = importers();
    expect((await importDocument('  \n', 'sql', untouched)).ok).toBe(false);
    expect(untouched.importSql).not.toHaveBeenCalled();
    const huge = await importDocument('-- x\n'.repeat(2_500_000), 'sql', untouched);
    expect(huge).toEqual({
      ok: false,
      problem: { message: expect.stringMatching(/^The script is 1\d\.\d MB; imports take at most 8\.0 MB/) },
    });
    expect(untouched.importSql).not.toHaveBeenCalled();
  });
});

it('describes an import in one line', () => {
  expect(describeImport({ tables: 1, relationships: 0, summary: 'skipped: 3 OWNER TO', notes: ['x', 'y'] })).toBe(
    'Imported 1 table and 0 relationships; skipped: 3 OWNER TO; 2 notes on what was read differently, in a sticky note above the diagram.',
  );
  expect(importNotes([], {})).toEqual([]);
});
