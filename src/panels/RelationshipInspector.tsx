import { cardinalityOf, describeEnd, describeRelationship, endKindOf, endKinds, findTable, relationshipKind, singular, type EndKind, type EndSide, type RelationshipId } from '../model/index.ts';
import { selectRelationship, selectSchema, useEditorStore } from '../store/index.ts';
import { ProblemList } from './ProblemList.tsx';
import { ScenarioList } from './ScenarioList.tsx';

/** Edits a relationship: both ends, and for a one-to-one the strategy and which table holds the key. */
export function RelationshipInspector({ relationshipId }: { relationshipId: RelationshipId }) {
  const relationship = useEditorStore(selectRelationship(relationshipId));
  const schema = useEditorStore(selectSchema);
  const { setEnd, setOneToOneStrategy, setKeyHolder, renameRelationship, deleteRelationship } = useEditorStore.getState();
  if (!relationship) return null;
  const nameOf = (side: EndSide) => findTable(schema, relationship[side].tableId)?.name ?? '?';
  const kind = relationshipKind(relationship);
  const isShared = kind === 'oneToOne' && relationship.oneToOne === 'sharedPrimaryKey';
  const endPicker = (side: EndSide, other: EndSide) => (
    <label className="field">
      <span>
        Each <b>{singular(nameOf(other))}</b> has… <b>{nameOf(side)}</b>
      </span>
      <select
        name={`end-${side}`}
        value={endKindOf(relationship[side])}
        onChange={(e) => setEnd(relationshipId, side, cardinalityOf(e.target.value as EndKind))}
      >
        {endKinds.map((k) => (
          <option key={k} value={k}>
            {describeEnd(cardinalityOf(k))}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="inspector" aria-label="Relationship">
      <p className="sentence">{describeRelationship(schema, relationship)}</p>
      <label className="field">
        <span>Label (verb)</span>
        <input name="relationship-name" value={relationship.name} placeholder="has" onChange={(e) => renameRelationship(relationshipId, e.target.value)} />
      </label>
      {endPicker('to', 'from')}
      {endPicker('from', 'to')}
      {isShared && relationship.from.min === 1 && <p className="hint">A shared primary key makes the parent end mandatory: a dependent row cannot exist without its parent.</p>}
      {kind === 'oneToOne' && (
        <>
          <fieldset className="field">
            <legend>One-to-one implemented as</legend>
            <label>
              <input type="radio" name="strategy" checked={!isShared} onChange={() => setOneToOneStrategy(relationshipId, 'foreignKeyUnique')} /> foreign key + UNIQUE
            </label>
            <label>
              <input type="radio" name="strategy" checked={isShared} onChange={() => setOneToOneStrategy(relationshipId, 'sharedPrimaryKey')} /> shared primary key
            </label>
          </fieldset>
          <label className="field">
            <span>Table holding the key</span>
            <select name="key-holder" value={relationship.keyHolder} onChange={(e) => setKeyHolder(relationshipId, e.target.value as EndSide)}>
              <option value="to">{nameOf('to')}</option>
              <option value="from">{nameOf('from')}</option>
            </select>
          </label>
        </>
      )}
      {kind === 'manyToMany' && <p className="hint">Many-to-many: the DDL adds a junction table with both foreign keys as its primary key.</p>}
      <ProblemList filter={(p) => p.relationshipId === relationshipId} />
      <div className="actions">
        <button type="button" className="danger" onClick={() => deleteRelationship(relationshipId)}>
          Delete relationship
        </button>
      </div>
      <h3>What PostgreSQL proves</h3>
      <ScenarioList relationshipId={relationshipId} />
    </section>
  );
}
