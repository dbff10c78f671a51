import { describe, expect, it } from 'vitest';
import { addColumn, updateColumn, type Schema } from '../model/index.ts';
import { aSchema, ends } from '../testing/factories.ts';
import { alignByName, parseRenames } from './alignByName.ts';
import { diffSchemas } from './diff.ts';

/** The same design read twice from different places: every id minted afresh. */
const twice = (make: () => Schema): [Schema, Schema] => [make(), make()];
const authorsBooks = () => aSchema(ends.exactlyOne, ends.zeroOrMany).schema;
const books = (s: Schema) => s.tables.find((t) => t.name === 'books')!;

describe('alignByName: two schemas from different places', () => {
  it('matched by id alone, the same design read twice differs everywhere; aligned by name, not at all', () => {
    const [a, b] = twice(authorsBooks);
    expect(diffSchemas(a, b).up.length).toBeGreaterThan(0);
    expect(diffSchemas(alignByName(a, b), b).up).toEqual([]);
  });

  it('a new column is added, nothing else', () => {
    const [a, b] = twice(authorsBooks);
    const withIsbn = addColumn(b, books(b).id, { name: 'isbn', type: 'text' }).schema;
    const up = diffSchemas(alignByName(a, withIsbn), withIsbn).up;
    expect(up.map((s) => s.kind)).toEqual(['addColumn']);
    expect(up[0]!.sql).toContain('isbn');
  });

  it('a column renamed in the other file is a drop and an add until the rename is confirmed', () => {
    const [a, b] = twice(authorsBooks);
    const title = books(b).columns.find((c) => c.name === 'title')!;
    const renamed = updateColumn(b, books(b).id, title.id, { name: 'heading' });
    const unconfirmed = diffSchemas(alignByName(a, renamed), renamed);
    // title is NOT NULL: the new column is added empty, filled by hand, then made NOT NULL.
    expect(unconfirmed.up.map((s) => s.kind)).toEqual(['dropColumn', 'addColumn', 'fillColumn', 'setNotNull']);
    expect(unconfirmed.proposedRenames).toEqual([
      expect.objectContaining({ kind: 'column', description: expect.stringContaining('heading') }),
    ]);
    expect(unconfirmed.up.find((s) => s.kind === 'dropColumn')!.losesData).toBeDefined();
    const confirmed = diffSchemas(alignByName(a, renamed, [{ from: 'books.title', to: 'books.heading' }]), renamed);
    expect(confirmed.up.map((s) => s.kind)).toEqual(['renameColumn']);
    expect(confirmed.up[0]!.sql).toContain('RENAME COLUMN title TO heading');
  });

  it('a table renamed and confirmed keeps its relationship', () => {
    const a = authorsBooks();
    const b = aSchema(ends.exactlyOne, ends.zeroOrMany, { parent: 'authors', child: 'volumes' }).schema;
    const up = diffSchemas(alignByName(a, b, [{ from: 'books', to: 'volumes' }]), b).up;
    expect(up.map((s) => s.kind)).toContain('renameTable');
    expect(up.map((s) => s.kind)).not.toContain('dropTable');
    expect(up.map((s) => s.kind)).not.toContain('addForeignKey');
  });
});

describe('parseRenames', () => {
  it('reads old=new pairs and names a bad one', () => {
    expect(parseRenames('books.title=books.heading, authors=writers')).toEqual({
      ok: true,
      renames: [
        { from: 'books.title', to: 'books.heading' },
        { from: 'authors', to: 'writers' },
      ],
    });
    expect(parseRenames('books.title')).toEqual({ ok: false, error: expect.stringContaining('"books.title" is not old=new') });
  });
});
