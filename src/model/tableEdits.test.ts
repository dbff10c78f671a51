import { describe, expect, it } from 'vitest';
import { aTable } from '../testing/factories.ts';
import { addColumn, moveColumn } from './tableEdits.ts';

const names = (schema: { tables: { columns: { name: string }[] }[] }) => schema.tables[0]!.columns.map((c) => c.name);

describe('column order', () => {
  it('adds a column where asked (Enter adds the next one below), or at the end', () => {
    const { schema, tableId } = aTable('authors', { name: 'name', type: 'text' });
    expect(names(addColumn(schema, tableId, { name: 'born' }, 1).schema)).toEqual(['id', 'born', 'name']);
    expect(names(addColumn(schema, tableId, { name: 'born' }).schema)).toEqual(['id', 'name', 'born']);
  });

  it('moves a column within its table, clamped to the ends', () => {
    const { schema, tableId } = aTable('authors', { name: 'name', type: 'text' }, { name: 'born', type: 'date' });
    const born = schema.tables[0]!.columns[2]!.id;
    expect(names(moveColumn(schema, tableId, born, 0))).toEqual(['born', 'id', 'name']);
    expect(names(moveColumn(schema, tableId, born, 9))).toEqual(['id', 'name', 'born']);
    expect(moveColumn(schema, tableId, born, 2)).toBe(schema);
  });
});
