import type { TableId } from '../model/index.ts';
import { selectTable, useEditorStore } from '../store/index.ts';
import { ChecksEditor } from './ChecksEditor.tsx';
import { ColumnEditor, focusColumnName, typeSuggestions } from './ColumnEditor.tsx';
import { IndexesEditor } from './IndexesEditor.tsx';
import { ProblemList } from './ProblemList.tsx';

/** Edits a table: name, schema, comment, columns, CHECK constraints and indexes. */
export function TableInspector({ tableId }: { tableId: TableId }) {
  const table = useEditorStore(selectTable(tableId));
  const renameTable = useEditorStore((s) => s.renameTable);
  const updateTableFields = useEditorStore((s) => s.updateTableFields);
  const addColumn = useEditorStore((s) => s.addColumn);
  const deleteTable = useEditorStore((s) => s.deleteTable);
  if (!table) return null;
  const handleAddColumn = () => focusColumnName(addColumn(tableId));
  return (
    <section className="inspector" aria-label={`Table ${table.name}`}>
      <div className="two-columns wide-first">
        <label className="field">
          <span>Table name</span>
          <input name="table-name" value={table.name} onChange={(e) => renameTable(tableId, e.target.value)} spellCheck={false} />
        </label>
        <label className="field">
          <span>Schema</span>
          <input name="table-schema" value={table.schemaName} onChange={(e) => updateTableFields(tableId, { schemaName: e.target.value }, `schema:${tableId}`)} spellCheck={false} />
        </label>
      </div>
      <label className="field">
        <span>Comment (why this table exists, why it was split off)</span>
        <textarea name="table-comment" rows={2} value={table.comment} onChange={(e) => updateTableFields(tableId, { comment: e.target.value }, `comment:${tableId}`)} />
      </label>
      <ProblemList filter={(p) => p.tableId === tableId && !p.columnId && !p.relationshipId} />
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
      <ChecksEditor table={table} />
      <IndexesEditor table={table} />
    </section>
  );
}
