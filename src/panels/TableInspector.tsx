import type { TableId } from '../model/index.ts';
import { selectTable, useEditorStore } from '../store/index.ts';
import { ColumnEditor, typeSuggestions } from './ColumnEditor.tsx';
import { ProblemList } from './ProblemList.tsx';

/** Edits a table: its name and columns. */
export function TableInspector({ tableId }: { tableId: TableId }) {
  const table = useEditorStore(selectTable(tableId));
  const renameTable = useEditorStore((s) => s.renameTable);
  const addColumn = useEditorStore((s) => s.addColumn);
  const deleteTable = useEditorStore((s) => s.deleteTable);
  if (!table) return null;
  const handleAddColumn = () => {
    const columnId = addColumn(tableId);
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-column-id="${columnId}"] input[name="column-name"]`)?.select());
  };
  return (
    <section className="inspector" aria-label={`Table ${table.name}`}>
      <label className="field">
        <span>Table name</span>
        <input name="table-name" value={table.name} onChange={(e) => renameTable(tableId, e.target.value)} spellCheck={false} />
      </label>
      <ProblemList filter={(p) => p.tableId === tableId && !p.columnId} />
      <div className="columns-head">
        <span>Name</span>
        <span>Type</span>
        <span title="primary key">PK</span>
        <span title="not null">NN</span>
        <span title="unique">UQ</span>
        <span>Default</span>
        <span />
      </div>
      {table.columns.map((column, index) => (
        <ColumnEditor key={column.id} tableId={tableId} column={column} index={index} />
      ))}
      <datalist id="column-types">
        {typeSuggestions.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <div className="actions">
        <button type="button" onClick={handleAddColumn}>
          + Add column
        </button>
        <button type="button" className="danger" onClick={() => deleteTable(tableId)}>
          Delete table
        </button>
      </div>
    </section>
  );
}
