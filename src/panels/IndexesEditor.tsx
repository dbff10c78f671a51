import { makeIndex, type ColumnId, type Table, type TableIndex } from '../model/index.ts';
import { useEditorStore } from '../store/index.ts';
import { DraftInput } from './DraftInput.tsx';

/** A table's extra indexes: which columns, in order, and whether unique. */
export function IndexesEditor({ table }: { table: Table }) {
  const updateTableFields = useEditorStore((s) => s.updateTableFields);
  const setIndexes = (indexes: TableIndex[], mergeKey?: string) => updateTableFields(table.id, { indexes }, mergeKey);
  const patch = (index: TableIndex, fields: Partial<TableIndex>, field?: string) =>
    setIndexes(
      table.indexes.map((i) => (i.id === index.id ? { ...i, ...fields } : i)),
      field ? `index:${index.id}:${field}` : undefined,
    );
  const toggleColumn = (index: TableIndex, columnId: ColumnId) =>
    patch(index, {
      columnIds: index.columnIds.includes(columnId) ? index.columnIds.filter((id) => id !== columnId) : [...index.columnIds, columnId],
    });
  return (
    <fieldset className="field">
      <legend>Indexes</legend>
      {table.indexes.map((index) => (
        <div key={index.id} className="index-row">
          <div className="index-head">
            <DraftInput
              aria-label="Index name"
              placeholder="name (generated)"
              value={index.name}
              onValue={(text) => patch(index, { name: text }, 'name')}
              spellCheck={false}
            />
            <label>
              <input type="checkbox" checked={index.isUnique} onChange={(e) => patch(index, { isUnique: e.target.checked })} /> unique
            </label>
            <button
              type="button"
              className="icon"
              aria-label="Delete index"
              onClick={() => setIndexes(table.indexes.filter((i) => i.id !== index.id))}
            >
              ×
            </button>
          </div>
          <div className="chips">
            {table.columns.map((c) => (
              <label key={c.id} className={index.columnIds.includes(c.id) ? 'chip on' : 'chip'}>
                <input type="checkbox" checked={index.columnIds.includes(c.id)} onChange={() => toggleColumn(index, c.id)} />
                {c.name}
                {index.columnIds.includes(c.id) && <sup>{index.columnIds.indexOf(c.id) + 1}</sup>}
              </label>
            ))}
          </div>
        </div>
      ))}
      <button type="button" onClick={() => setIndexes([...table.indexes, makeIndex(table.columns.slice(-1).map((c) => c.id))])}>
        + Add index
      </button>
    </fieldset>
  );
}
