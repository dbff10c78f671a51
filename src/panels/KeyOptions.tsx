import { canBeIdentifying, isIdentifying, referentialActions, type ReferentialAction, type Relationship } from '../model/index.ts';
import { selectResolvedById, useEditorStore } from '../store/index.ts';

/** ON DELETE / ON UPDATE, identifying or not, deferrable: how the foreign key behaves. */
export function KeyOptions({ relationship }: { relationship: Relationship }) {
  const updateRelationship = useEditorStore((s) => s.updateRelationship);
  const setIdentifying = useEditorStore((s) => s.setIdentifying);
  const resolved = useEditorStore(selectResolvedById(relationship.id));
  const isForeignKey = resolved?.kind === 'oneToMany' || resolved?.kind === 'oneToOne';
  const canIdentify = useEditorStore((s) => canBeIdentifying(s.document.schema, relationship));
  const identifying = useEditorStore((s) => isIdentifying(s.document.schema, relationship));
  const actionPicker = (clause: 'onDelete' | 'onUpdate', label: string) => (
    <label className="field">
      <span>{label}</span>
      <select
        name={clause}
        value={relationship[clause]}
        onChange={(e) => updateRelationship(relationship.id, { [clause]: e.target.value as ReferentialAction })}
      >
        {referentialActions.map((a) => (
          <option key={a} value={a}>
            {a.toUpperCase()}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <div className="two-columns">
        {actionPicker('onDelete', 'ON DELETE')}
        {actionPicker('onUpdate', 'ON UPDATE')}
      </div>
      <div className="toggles">
        {isForeignKey && canIdentify && (
          <label title="The key becomes part of the child's primary key (drawn solid)">
            <input type="checkbox" checked={identifying} onChange={(e) => setIdentifying(relationship.id, e.target.checked)} /> Identifying
          </label>
        )}
        <label title="Checked at COMMIT instead of at each statement, so rows that point at each other can be inserted in one transaction">
          <input
            type="checkbox"
            checked={relationship.isDeferrable}
            onChange={(e) => updateRelationship(relationship.id, { isDeferrable: e.target.checked })}
          />{' '}
          Deferrable
        </label>
      </div>
    </>
  );
}
