import { describe, expect, it } from 'vitest';
import { addColumn } from '../model/index.ts';
import { aTable, withTable } from '../testing/factories.ts';
import { columnHandleId, readDragConnection } from './connectFromHandles.ts';

describe('readDragConnection', () => {
  const authors = aTable('authors', { name: 'name', type: 'text' });
  const books = withTable(authors.schema, 'books', { name: 'title', type: 'text' });
  const writer = addColumn(books.schema, books.tableId, { name: 'writer_id', type: 'integer' });
  const schema = writer.schema;
  const booksKey = schema.tables[1]!.columns[0]!.id;

  it('a drag from a table side or a key column makes the table dragged from the parent', () => {
    expect(readDragConnection(schema, authors.tableId, 'right', books.tableId)).toEqual({
      parentId: authors.tableId,
      childId: books.tableId,
    });
    expect(readDragConnection(schema, books.tableId, columnHandleId(booksKey), authors.tableId)).toEqual({
      parentId: books.tableId,
      childId: authors.tableId,
    });
  });

  it('a drag from a plain column makes it the foreign key to the table dropped on', () => {
    expect(readDragConnection(schema, books.tableId, columnHandleId(writer.columnId), authors.tableId)).toEqual({
      parentId: authors.tableId,
      childId: books.tableId,
      options: { from: { min: 1, max: 1 }, to: { min: 0, max: 'many' }, foreignKeyColumnIds: [writer.columnId] },
    });
  });
});
