import { makeColumn, type Column, type Relationship } from '../model/index.ts';
import { useEditorStore } from '../store/index.ts';
import { DraftInput } from './DraftInput.tsx';

/** A many-to-many's junction table: its name and its own columns (a grade, a date joined). */
export function JunctionEditor({ relationship }: { relationship: Relationship }) {
  const updateRelationship = useEditorStore((s) => s.updateRelationship);
  const { junction } = relationship;
  const setColumns = (columns: Column[], mergeKey?: string) =>
    updateRelationship(relationship.id, { junction: { ...junction, columns } }, mergeKey);
  const patchColumn = (column: Column, patch: Partial<Column>, field: string) =>
    setColumns(
      junction.columns.map((c) => (c.id === column.id ? { ...c, ...patch } : c)),
      `junction:${column.id}:${field}`,
    );
  const addColumn = () => setColumns([...junction.columns, makeColumn({ name: `column_${junction.columns.length + 1}` })]);
  return (
    <fieldset className="field junction">
      <legend>Junction table</legend>
      <DraftInput
        name="junction-name"
        aria-label="Junction table name"
        placeholder="named after both tables"
        value={junction.name}
        onValue={(text) =>
          updateRelationship(relationship.id, { junction: { ...junction, name: text } }, `junction-name:${relationship.id}`)
        }
        spellCheck={false}
      />
      {junction.columns.map((column) => (
        <div key={column.id} className="junction-column">
          <DraftInput
            aria-label="Junction column name"
            value={column.name}
            onValue={(text) => patchColumn(column, { name: text }, 'name')}
            spellCheck={false}
          />
          <DraftInput
            aria-label="Junction column type"
            list="column-types"
            value={column.type}
            onValue={(text) => patchColumn(column, { type: text }, 'type')}
            spellCheck={false}
          />
          <label title="not null">
            <input
              type="checkbox"
              checked={column.isNotNull}
              onChange={(e) => patchColumn(column, { isNotNull: e.target.checked }, 'nn')}
            />{' '}
            NN
          </label>
          <button
            type="button"
            className="icon"
            aria-label={`Delete junction column ${column.name}`}
            onClick={() => setColumns(junction.columns.filter((c) => c.id !== column.id))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={addColumn}>
        + Add junction column
      </button>
    </fieldset>
  );
}
