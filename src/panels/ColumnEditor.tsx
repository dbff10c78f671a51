import type { Column, TableId } from '../model/index.ts';
import { readColumnFacts, selectColumnFacts, useEditorStore } from '../store/index.ts';
import { ProblemList } from './ProblemList.tsx';

/** Common PostgreSQL types offered while typing; any other type can be typed. */
export const typeSuggestions = ['integer', 'bigint', 'smallint', 'serial', 'bigserial', 'text', 'varchar(255)', 'boolean', 'numeric(10, 2)', 'date', 'timestamptz', 'uuid', 'jsonb', 'bytea'];

/** One row of the column list: name, type, PK / NOT NULL / UNIQUE, default, delete. */
export function ColumnEditor({ tableId, column, index }: { tableId: TableId; column: Column; index: number }) {
  const updateColumn = useEditorStore((s) => s.updateColumn);
  const deleteColumn = useEditorStore((s) => s.deleteColumn);
  const facts = readColumnFacts(useEditorStore((s) => selectColumnFacts(tableId)(s)[index]));
  const isNotNullByRelationship = facts.isNotNull && !column.isNotNull && !column.isPrimaryKey;
  const set = (patch: Partial<Omit<Column, 'id'>>) => updateColumn(tableId, column.id, patch);
  return (
    <>
      <div className="column-editor" data-column-id={column.id}>
        <input name="column-name" aria-label="Column name" value={column.name} onChange={(e) => set({ name: e.target.value })} spellCheck={false} />
        <input name="column-type" aria-label="Column type" list="column-types" value={column.type} onChange={(e) => set({ type: e.target.value })} spellCheck={false} />
        <input type="checkbox" aria-label="Primary key" checked={column.isPrimaryKey} onChange={(e) => set({ isPrimaryKey: e.target.checked, ...(e.target.checked ? { isNotNull: true } : {}) })} />
        <input
          type="checkbox"
          aria-label="Not null"
          checked={facts.isNotNull}
          disabled={column.isPrimaryKey || isNotNullByRelationship}
          title={isNotNullByRelationship ? `NOT NULL because each row must reference ${facts.references}` : undefined}
          onChange={(e) => set({ isNotNull: e.target.checked })}
        />
        <input type="checkbox" aria-label="Unique" checked={column.isUnique} onChange={(e) => set({ isUnique: e.target.checked })} />
        <input
          name="column-default"
          aria-label="Default"
          placeholder="none"
          value={column.defaultValue ?? ''}
          onChange={(e) => set({ defaultValue: e.target.value === '' ? null : e.target.value })}
          spellCheck={false}
        />
        <button type="button" className="icon" aria-label={`Delete column ${column.name}`} title="Delete column" onClick={() => deleteColumn(tableId, column.id)}>
          ×
        </button>
      </div>
      <ProblemList filter={(p) => p.columnId === column.id} />
    </>
  );
}
