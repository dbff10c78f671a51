import { afterAll, describe, expect, it } from 'vitest';
import { addColumn, deleteTable, updateTable, withoutColumns, type Schema } from '../model/index.ts';
import { aSchema, tableOf, withTable } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { expectMigrates, kindsOf } from '../testing/migrationCheck.ts';
import { applyConfirmedRenames, diffSchemas, diffWithConfirmedRenames, renameKey } from './index.ts';

/** authors 1:N books; books.title dropped and books.heading (same type) added: ids say drop + add, names say maybe a rename. */
const { schema: before, childId: books, parentId: authors } = aSchema();
const title = tableOf(before, books).columns.find((c) => c.name === 'title')!;
const withHeading = addColumn(before, books, { name: 'heading', type: 'text', isNotNull: true }).schema;
const after = updateTable(withHeading, books, (t) => withoutColumns(t, new Set([title.id])));
const heading = tableOf(after, books).columns.find((c) => c.name === 'heading')!;
/** notes deleted and memos (same columns, every id new, as a pasted copy has them) added: only the shape says rename. */
const withNotes = withTable(before, 'notes', { name: 'body', type: 'text', isNotNull: true });
const withMemos = withTable(deleteTable(withNotes.schema, withNotes.tableId), 'memos', {
  name: 'body',
  type: 'text',
  isNotNull: true,
}).schema;
const rows = `INSERT INTO authors (id, name) VALUES (1, 'Ada');
INSERT INTO books (id, title, author_id) VALUES (1, 'Notes', 1);`;

/** `before` with the authors table's id replaced, as a schema from another place would have it. */
function withAuthorsElsewhere(schema: Schema): Schema {
  const other = withTable({ tables: [], relationships: [], enums: [] }, 'authors').tableId;
  return {
    ...schema,
    tables: schema.tables.map((t) => (t.id === authors ? { ...t, id: other } : t)),
    relationships: schema.relationships.map((r) => ({
      ...r,
      from: { ...r.from, tableId: r.from.tableId === authors ? other : r.from.tableId },
    })),
  };
}

describe('confirmed renames', () => {
  it('proposes the column rename and, unconfirmed, drops and adds', () => {
    const migration = diffSchemas(before, after);
    expect(migration.proposedRenames).toEqual([
      { kind: 'column', fromKey: title.id, toKey: heading.id, description: 'books.title -> books.heading' },
    ]);
    expect(kindsOf(migration.up)).toContain('dropColumn');
    expect(diffWithConfirmedRenames(before, after, ['something else'])).toEqual(migration);
  });

  it('makes a confirmed column rename a RENAME COLUMN, the proposal still listed for the user to change', () => {
    const [proposal] = diffSchemas(before, after).proposedRenames;
    const migration = diffWithConfirmedRenames(before, after, [renameKey(proposal!)]);
    expect(migration.up.map((s) => s.sql)).toEqual(['ALTER TABLE books RENAME COLUMN title TO heading;']);
    expect(migration.down.map((s) => s.sql)).toEqual(['ALTER TABLE books RENAME COLUMN heading TO title;']);
    expect(migration.proposedRenames).toEqual([proposal]);
  });

  it('rewrites a confirmed table id everywhere the schema points at it', () => {
    const elsewhere = withAuthorsElsewhere(before);
    const [proposal] = diffSchemas(elsewhere, before).proposedRenames;
    expect(proposal).toMatchObject({ kind: 'table', toKey: authors, description: 'public.authors -> public.authors' });
    const renamed = applyConfirmedRenames(elsewhere, [proposal!], before);
    expect(renamed).toEqual(before);
    expect(diffSchemas(renamed, before).up).toEqual([]);
  });

  it('gives a confirmed table rename the columns of the same name in to, so a copy with new column ids is renamed, not emptied', () => {
    const [proposal] = diffSchemas(withNotes.schema, withMemos).proposedRenames;
    expect(proposal).toMatchObject({ kind: 'table', description: 'public.notes -> public.memos' });
    const migration = diffWithConfirmedRenames(withNotes.schema, withMemos, [renameKey(proposal!)]);
    expect(migration.up.map((s) => s.sql)).toContain('ALTER TABLE notes RENAME TO memos;');
    expect(kindsOf(migration.up)).not.toContain('dropColumn');
    expect(kindsOf(migration.up)).not.toContain('addColumn');
    expect(migration.up.filter((s) => s.losesData)).toEqual([]);
  });

  it('returns the same schema when nothing is confirmed', () => {
    expect(applyConfirmedRenames(before, [], after)).toBe(before);
  });
});

describe.each(engines)('a confirmed rename on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    it('is one RENAME COLUMN over rows: up reaches a fresh build and down returns', async () => {
      const runner = await engine.runner();
      const [proposal] = diffSchemas(before, after).proposedRenames;
      const migration = await expectMigrates(runner, applyConfirmedRenames(before, [proposal!], after), after, rows);
      expect(kindsOf(migration.up)).toEqual(['renameColumn']);
    });

    it('renames a pasted copy of a table over its rows: up reaches a fresh build and down returns', async () => {
      const runner = await engine.runner();
      const [proposal] = diffSchemas(withNotes.schema, withMemos).proposedRenames;
      const migration = await expectMigrates(
        runner,
        applyConfirmedRenames(withNotes.schema, [proposal!], withMemos),
        withMemos,
        "INSERT INTO notes (id, body) VALUES (1, 'kept');",
      );
      expect(kindsOf(migration.up)).toContain('renameTable');
      expect(kindsOf(migration.up)).not.toContain('dropColumn');
    });
  });
});
