import { useState, type KeyboardEvent } from 'react';
import type { Column, TableId } from '../model/index.ts';
import { selectColumnFactsAt, useEditorStore } from '../store/index.ts';
import { ProblemList } from './ProblemList.tsx';
import { DraftInput } from './DraftInput.tsx';

/** Common PostgreSQL types offered while typing; any other type can be typed. */
export const typeSuggestions = [
  'integer',
  'bigint',
  'smallint',
  'serial',
  'bigserial',
  'text',
  'varchar(255)',
  'boolean',
  'numeric(10, 2)',
  'date',
  'timestamptz',
  'uuid',
  'jsonb',
  'bytea',
];

/** Puts the caret in a column's name field once it is rendered (a new column is named right away). */
export function focusColumnName(columnId: string): void {
  requestAnimationFrame(() =>
    document.querySelector<HTMLInputElement>(`[data-column-id="${columnId}"] input[name="column-name"]`)?.select(),
  );
}

/** One row of the column list: name, type, PK / NOT NULL / UNIQUE, default, delete. */
export function ColumnEditor({ tableId, column, index }: { tableId: TableId; column: Column; index: number }) {
  const updateColumn = useEditorStore((s) => s.updateColumn);
  const deleteColumn = useEditorStore((s) => s.deleteColumn);
  const addColumn = useEditorStore((s) => s.addColumn);
  const moveColumn = useEditorStore((s) => s.moveColumn);
  const facts = useEditorStore(selectColumnFactsAt(tableId, index));
  const isNotNullByRelationship = facts.isNotNull && !column.isNotNull && !column.isPrimaryKey;
  const isUniqueByRelationship = facts.isUniqueByRelationship && !column.isUnique;
  const [isExpanded, setExpanded] = useState(false);
  const set = (patch: Partial<Omit<Column, 'id'>>) => updateColumn(tableId, column.id, patch);
  const move = (to: number) => {
    moveColumn(tableId, column.id, to);
    focusColumnName(column.id);
  };
  /** Enter adds the next column below this one; Alt+↑ / Alt+↓ move this one. */
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) focusColumnName(addColumn(tableId, index + 1));
    else if (event.altKey && event.key === 'ArrowUp') move(index - 1);
    else if (event.altKey && event.key === 'ArrowDown') move(index + 1);
    else return;
    event.preventDefault();
  };
  return (
    <>
      <div className="column-editor" data-column-id={column.id}>
        <DraftInput
          name="column-name"
          aria-label="Column name"
          title="Enter adds the next column; Alt+↑ / Alt+↓ move this one"
          value={column.name}
          onValue={(text) => set({ name: text })}
          onKeyDown={handleKeyDown}
          spellCheck={false}
        />
        <DraftInput
          name="column-type"
          aria-label="Column type"
          list="column-types"
          value={column.type}
          onValue={(text) => set({ type: text })}
          onKeyDown={handleKeyDown}
          spellCheck={false}
        />
        <input
          type="checkbox"
          aria-label="Primary key"
          checked={column.isPrimaryKey}
          onChange={(e) => set({ isPrimaryKey: e.target.checked })}
        />
        <input
          type="checkbox"
          aria-label="Not null"
          checked={facts.isNotNull}
          disabled={column.isPrimaryKey || isNotNullByRelationship}
          title={isNotNullByRelationship ? `NOT NULL because each row must reference ${facts.references}` : undefined}
          onChange={(e) => set({ isNotNull: e.target.checked })}
        />
        <input
          type="checkbox"
          aria-label="Unique"
          checked={column.isUnique || facts.isUniqueByRelationship}
          disabled={isUniqueByRelationship}
          title={isUniqueByRelationship ? `UNIQUE because of the one-to-one with ${facts.references}` : undefined}
          onChange={(e) => set({ isUnique: e.target.checked })}
        />
        <DraftInput
          name="column-default"
          aria-label="Default"
          placeholder="none"
          value={column.defaultValue ?? ''}
          onValue={(text) => set({ defaultValue: text === '' ? null : text })}
          spellCheck={false}
        />
        <span className="row-buttons">
          <button
            type="button"
            className="icon"
            aria-label={`More about column ${column.name}`}
            aria-expanded={isExpanded}
            title="Identity and comment"
            onClick={() => setExpanded(!isExpanded)}
          >
            ⋯
          </button>
          <button
            type="button"
            className="icon"
            aria-label={`Delete column ${column.name}`}
            title="Delete column"
            onClick={() => deleteColumn(tableId, column.id)}
          >
            ×
          </button>
        </span>
      </div>
      {isExpanded && (
        <div className="column-more">
          <label>
            Identity{' '}
            <select
              name="column-identity"
              value={column.identity ?? ''}
              onChange={(e) => set({ identity: e.target.value === '' ? null : (e.target.value as 'always' | 'byDefault') })}
            >
              <option value="">none</option>
              <option value="byDefault">GENERATED BY DEFAULT</option>
              <option value="always">GENERATED ALWAYS</option>
            </select>
          </label>
          <DraftInput
            name="column-comment"
            aria-label="Column comment"
            placeholder="comment"
            value={column.comment}
            onValue={(text) => set({ comment: text })}
          />
          <button type="button" aria-label={`Move column ${column.name} up`} disabled={index === 0} onClick={() => move(index - 1)}>
            ↑ Up
          </button>
          <button type="button" aria-label={`Move column ${column.name} down`} onClick={() => move(index + 1)}>
            ↓ Down
          </button>
        </div>
      )}
      <ProblemList filter={(p) => p.columnId === column.id} />
    </>
  );
}
