import fc from 'fast-check';
import type { ErdDocument, Note, NoteId, Version, VersionId } from '../model/index.ts';
import { schemaArb } from './arbitraries.ts';

const positionArb = fc
  .record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.double({ min: -5000, max: 5000, noNaN: true }) })
  .map(({ x, y }) => ({ x, y }));

/** A random whole document: a valid schema, a place for each table, notes, and versions of earlier schemas (or none of the optional parts). */
export const documentArb: fc.Arbitrary<ErdDocument> = fc
  .record({
    schema: schemaArb,
    positions: fc.array(positionArb, { minLength: 5, maxLength: 5 }),
    notes: fc.option(
      fc.array(
        fc.record({ text: fc.string({ maxLength: 40 }), position: positionArb }).map(({ text, position }) => ({ text, position })),
        { maxLength: 3 },
      ),
      { nil: undefined },
    ),
    versions: fc.option(fc.array(schemaArb, { maxLength: 2 }), { nil: undefined }),
  })
  .map(({ schema, positions, notes, versions }) => ({
    schema,
    layout: Object.fromEntries(schema.tables.map((t, i) => [t.id, positions[i % positions.length]!])),
    ...(notes ? { notes: notes.map((n, i): Note => ({ id: `note_${i}` as NoteId, ...n })) } : {}),
    ...(versions
      ? {
          versions: versions.map((s, i): Version => ({
            id: `ver_${i}` as VersionId,
            name: `v${i}`,
            createdAt: '2026-12-03T10:00:00.000Z',
            kind: 'marked',
            schema: s,
          })),
        }
      : {}),
  }));
