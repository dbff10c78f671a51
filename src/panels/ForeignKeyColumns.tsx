import { foreignKeyCandidates, type ColumnId, type Relationship } from '../model/index.ts';
import { useShallow } from 'zustand/react/shallow';
import { selectResolvedById, useEditorStore, type EditorState } from '../store/index.ts';

/**
 * Which child columns hold the foreign key: the generated one (`author_id`) or any existing column.
 * Rename the column itself in the table's inspector; a shared primary key has no choice to make.
 */
export function ForeignKeyColumns({ relationship }: { relationship: Relationship }) {
  const resolved = useEditorStore(selectResolvedById(relationship.id));
  const setForeignKeyColumns = useEditorStore((s) => s.setForeignKeyColumns);
  // Compared id by id (`useShallow`): the component stays still until the candidates change.
  const candidateIds = useEditorStore(
    useShallow((s: EditorState) => foreignKeyCandidates(s.document.schema, relationship).map((c) => c.id)),
  );
  if (!resolved || (resolved.kind !== 'oneToMany' && resolved.kind !== 'oneToOne') || resolved.isSharedPrimaryKey) return null;
  const chosen = resolved.columns.map((c) => c.id);
  const isCandidate = (c: { id: ColumnId }) => candidateIds.includes(c.id);
  const choose = (index: number, columnId: ColumnId) =>
    setForeignKeyColumns(
      relationship.id,
      chosen.map((id, i) => (i === index ? columnId : id)),
    );
  return (
    <fieldset className="field">
      <legend>Foreign key column in {resolved.child.name}</legend>
      {resolved.parentColumns.map((parentColumn, i) => (
        <label key={parentColumn.id} className="fk-column">
          <select
            name={`fk-column-${i}`}
            aria-label={`Column referencing ${resolved.parent.name}.${parentColumn.name}`}
            value={chosen[i]}
            onChange={(e) => choose(i, e.target.value as ColumnId)}
          >
            {resolved.child.columns
              .filter((c) => c.id === chosen[i] || (!chosen.includes(c.id) && isCandidate(c)))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.type})
                </option>
              ))}
          </select>
          <span className="muted">
            → {resolved.parent.name}.{parentColumn.name}
          </span>
        </label>
      ))}
      <p className="hint">
        The chosen column takes the type {resolved.parentColumns.map((c) => c.type).join(', ')}; the generated column it replaces is
        removed, a column you made stays.
      </p>
    </fieldset>
  );
}
