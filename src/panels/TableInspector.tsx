import type { TableId } from '../model/index.ts';
import { selectTable, useEditorStore } from '../store/index.ts';
import { ChecksEditor } from './ChecksEditor.tsx';
import { ColumnEditor, focusColumnName, typeSuggestions } from './ColumnEditor.tsx';
import { IndexesEditor } from './IndexesEditor.tsx';
import { ProblemList } from './ProblemList.tsx';
import { DraftInput, DraftTextArea } from './DraftInput.tsx';

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
          <DraftInput name="table-name" value={table.name} onValue={(text) => renameTable(tableId, text)} spellCheck={false} />
        </label>
        <label className="field">
          <span>Schema</span>
          <DraftInput
            name="table-schema"
            value={table.schemaName}
            onValue={(text) => updateTableFields(tableId, { schemaName: text }, `schema:${tableId}`)}
            spellCheck={false}
          />
        </label>
      </div>
      <label className="field">
        <span>Comment (why this table exists, why it was split off)</span>
        <DraftTextArea
          name="table-comment"
          rows={2}
          value={table.comment}
          onValue={(text) => updateTableFields(tableId, { comment: text }, `comment:${tableId}`)}
        />
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
