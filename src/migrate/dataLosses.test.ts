import { describe, expect, it } from 'vitest';
import { updateTable, withoutColumns } from '../model/index.ts';
import { aTable, tableOf } from '../testing/factories.ts';
import { dataLossesOf, diffSchemas } from './index.ts';

describe('dataLossesOf', () => {
  it('lists the dropped column of up, and nothing for the down that adds it back', () => {
    const { schema, tableId } = aTable('customers', { name: 'note', type: 'text' });
    const note = tableOf(schema, tableId).columns.find((c) => c.name === 'note')!;
    const { up, down } = diffSchemas(
      schema,
      updateTable(schema, tableId, (t) => withoutColumns(t, new Set([note.id]))),
    );
    expect(dataLossesOf(up)).toEqual([{ tableId, columnId: note.id }]);
    expect(dataLossesOf(down)).toEqual([]);
  });
});
