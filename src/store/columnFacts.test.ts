import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../testing/example.ts';
import { createEditorStore } from './editorStore.ts';
import { readColumnFacts, selectColumnFacts } from './selectors.ts';

/** The facts of one column, by table and column name, as the canvas and the inspector read them. */
function factsOf(store: ReturnType<typeof createEditorStore>, tableName: string, columnName: string) {
  const s = store.getState();
  const table = s.document.schema.tables.find((t) => t.name === tableName)!;
  const index = table.columns.findIndex((c) => c.name === columnName);
  return readColumnFacts(selectColumnFacts(table.id)(s)[index]);
}

describe('column facts', () => {
  it('mark the foreign key of a drawn 1:1 as unique by the relationship, and follow an edit of its ends', () => {
    const store = createEditorStore();
    store.getState().loadDocument(exampleDocument());
    expect(factsOf(store, 'passport_info', 'author_id')).toEqual({ isNotNull: true, isUniqueByRelationship: true, references: 'authors.id' });
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
