import { describe, expect, it } from 'vitest';
import { aSchema, withTable } from '../testing/factories.ts';
import { searchSchema } from './search.ts';

const library = () => {
  const { schema } = aSchema(); // authors(id, name), books(id, title, author_id)
  return withTable(schema, 'co_authorship', { name: 'note', type: 'text' }).schema;
};
const labels = (query: string) => searchSchema(library(), query).map((m) => m.label);

describe('searchSchema', () => {
  it('finds tables and columns by any part of their name, ignoring case', () => {
    expect(labels('TITLE')).toEqual(['books.title']);
    expect(labels('itl')).toEqual(['books.title']);
  });

  it('ranks the whole name, then its start, then a word start, then anywhere; tables before columns', () => {
    expect(labels('author')).toEqual(['authors', 'books.author_id', 'co_authorship']);
    expect(labels('authors')).toEqual(['authors', 'co_authorship']);
    expect(labels('id')).toEqual(['authors.id', 'books.id', 'co_authorship.id', 'books.author_id']);
  });

  it('narrows columns to a table with table.column and accepts schema.table', () => {
    expect(labels('books.id')).toEqual(['books.id', 'books.author_id']);
    expect(labels('book.')).toEqual(['books.id', 'books.title', 'books.author_id']);
    expect(labels('public.authors')).toContain('authors');
  });

  it('returns ids that point at the table or the column', () => {
    const schema = library();
    const [match] = searchSchema(schema, 'title');
    const books = schema.tables.find((t) => t.name === 'books')!;
    expect(match).toEqual({ tableId: books.id, columnId: books.columns.find((c) => c.name === 'title')!.id, label: 'books.title' });
    expect(searchSchema(schema, 'books')[0]).toEqual({ tableId: books.id, columnId: null, label: 'books' });
  });

  it('finds nothing for a blank query and stops at the limit', () => {
    expect(searchSchema(library(), '   ')).toEqual([]);
    expect(searchSchema(library(), 'o', 2)).toHaveLength(2);
  });
});
