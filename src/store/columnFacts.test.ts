import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../testing/example.ts';
import { createEditorStore } from './editorStore.ts';
import { selectColumnFacts, selectColumnFactsAt } from './selectors.ts';

/** The facts of one column, by table and column name, as the canvas and the inspector read them. */
function factsOf(store: ReturnType<typeof createEditorStore>, tableName: string, columnName: string) {
  const s = store.getState();
  const table = s.document.schema.tables.find((t) => t.name === tableName)!;
  const index = table.columns.findIndex((c) => c.name === columnName);
  return selectColumnFactsAt(table.id, index)(s);
}

describe('column facts', () => {
  it('mark the foreign key of a drawn 1:1 as unique by the relationship, and follow an edit of its ends', () => {
    const store = createEditorStore();
    store.getState().loadDocument(exampleDocument());
    expect(factsOf(store, 'passport_info', 'author_id')).toEqual({
      isNotNull: true,
      isUniqueByRelationship: true,
      references: 'authors.id',
    });
    expect(factsOf(store, 'books', 'author_id').isUniqueByRelationship).toBe(false);
    expect(factsOf(store, 'capital', 'country_id').isUniqueByRelationship).toBe(false);

    const schema = store.getState().document.schema;
    const passport = schema.tables.find((t) => t.name === 'passport_info')!;
    const rel = schema.relationships.find((r) => r.from.tableId === passport.id || r.to.tableId === passport.id)!;
    const childSide = rel.from.tableId === passport.id ? 'from' : 'to';
    store.getState().setEnd(rel.id, childSide, { min: 0, max: 'many' });
    expect(factsOf(store, 'passport_info', 'author_id').isUniqueByRelationship).toBe(false);
    store.getState().undo();
    expect(factsOf(store, 'passport_info', 'author_id').isUniqueByRelationship).toBe(true);
  });
});

describe('column facts as objects', () => {
  it('keep the same array and objects through an edit that changes no fact of theirs, and a new one for the column that changed', () => {
    const store = createEditorStore();
    store.getState().loadDocument(exampleDocument());
    const schema = store.getState().document.schema;
    const books = schema.tables.find((t) => t.name === 'books')!;
    const passport = schema.tables.find((t) => t.name === 'passport_info')!;
    const booksFacts = selectColumnFacts(books.id)(store.getState());
    const passportFacts = selectColumnFacts(passport.id)(store.getState());
    store.getState().renameTable(books.id, 'volumes');
    expect(selectColumnFacts(books.id)(store.getState())).toBe(booksFacts);
    const authors = schema.tables.find((t) => t.name === 'authors')!;
    store.getState().renameTable(authors.id, 'writers');
    const renamed = selectColumnFacts(passport.id)(store.getState());
    expect(renamed).not.toBe(passportFacts);
    const changed = passport.columns.findIndex((c) => c.name === 'author_id');
    renamed.forEach((facts, i) => (i === changed ? expect(facts.references).toBe('writers.id') : expect(facts).toBe(passportFacts[i])));
  });
});
