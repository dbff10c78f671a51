import { describe, expect, it } from 'vitest';
import { addColumn } from '../model/index.ts';
import { aTable, withTable } from '../testing/factories.ts';
import { columnHandleId, readDragConnection } from './connectFromHandles.ts';
import { previewConnection } from './connectPreview.ts';

describe('previewConnection', () => {
  const author = aTable('author', { name: 'name', type: 'text' });
  const book = withTable(author.schema, 'book', { name: 'title', type: 'text' });
  const writer = addColumn(book.schema, book.tableId, { name: 'writer_id', type: 'integer' });
  const schema = writer.schema;

  it('a drag from a table side reads as the one-to-many it makes, with the key column it adds', () => {
    const drag = readDragConnection(schema, author.tableId, 'right', book.tableId);
    expect(previewConnection(schema, drag)).toEqual({ sentence: 'each author has zero or many books', key: 'new column book.author_id' });
  });

  it('a drag from a plain column says that column becomes the foreign key', () => {
    const drag = readDragConnection(schema, book.tableId, columnHandleId(writer.columnId), author.tableId);
    expect(previewConnection(schema, drag)).toEqual({
      sentence: 'each author has zero or many books',
      key: 'book.writer_id becomes the foreign key',
    });
  });

  it('a drop back on the table dragged from reads as a self-reference', () => {
    const drag = readDragConnection(schema, author.tableId, 'right', author.tableId);
    expect(previewConnection(schema, drag)?.sentence).toBe('each author has zero or many authors');
  });

  it('leaves the schema it was given as it was', () => {
    previewConnection(schema, readDragConnection(schema, author.tableId, 'right', book.tableId));
    expect(schema.relationships).toHaveLength(0);
  });
});
