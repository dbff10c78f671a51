import {
  cardinalityOf,
  describeRelationship,
  endKindOf,
  findTable,
  isSharedPrimaryKey,
  relationshipKind,
  singular,
  type EndSide,
  type Relationship,
  type RelationshipId,
} from '../model/index.ts';
import { selectRelationship, selectSchema, useEditorStore } from '../store/index.ts';
import { ForeignKeyColumns } from './ForeignKeyColumns.tsx';
import { EndSelect } from './EndSelect.tsx';
import { JunctionEditor } from './JunctionEditor.tsx';
import { KeyOptions } from './KeyOptions.tsx';
import { ProblemList } from './ProblemList.tsx';
import { RelationshipStatements } from './RelationshipStatements.tsx';
import { ScenarioList } from './ScenarioList.tsx';
import { DraftInput } from './DraftInput.tsx';

function EndPicker({ relationship, side, nameOf }: { relationship: Relationship; side: EndSide; nameOf: (side: EndSide) => string }) {
  const setEnd = useEditorStore((s) => s.setEnd);
  const other = side === 'from' ? 'to' : 'from';
  return (
    <EndSelect
      name={`end-${side}`}
      label={
        <>
          Each <b>{singular(nameOf(other))}</b> has… <b>{nameOf(side)}</b>
        </>
      }
      value={endKindOf(relationship[side])}
      onChange={(kind) => setEnd(relationship.id, side, cardinalityOf(kind))}
    />
  );
}

function OneToOneOptions({ relationship, nameOf }: { relationship: Relationship; nameOf: (side: EndSide) => string }) {
  const setOneToOneStrategy = useEditorStore((s) => s.setOneToOneStrategy);
  const setKeyHolder = useEditorStore((s) => s.setKeyHolder);
  const isShared = isSharedPrimaryKey(relationship);
  return (
    <>
      <fieldset className="field">
        <legend>One-to-one implemented as</legend>
        <label>
          <input
            type="radio"
            name="strategy"
            checked={!isShared}
            onChange={() => setOneToOneStrategy(relationship.id, 'foreignKeyUnique')}
          />{' '}
          foreign key + UNIQUE
        </label>
        <label>
          <input
            type="radio"
            name="strategy"
            checked={isShared}
            onChange={() => setOneToOneStrategy(relationship.id, 'sharedPrimaryKey')}
          />{' '}
          shared primary key
        </label>
      </fieldset>
      <label className="field">
        <span>Table holding the key</span>
        <select name="key-holder" value={relationship.keyHolder} onChange={(e) => setKeyHolder(relationship.id, e.target.value as EndSide)}>
          <option value="to">{nameOf('to')}</option>
          <option value="from">{nameOf('from')}</option>
        </select>
      </label>
      {isShared && (
        <p className="hint">A shared primary key makes the parent end mandatory: a dependent row cannot exist without its parent.</p>
      )}
    </>
  );
}

/** Edits a relationship: both ends, the 1:1 strategy and key holder, actions, and shows the SQL and proofs for it. */
export function RelationshipInspector({ relationshipId }: { relationshipId: RelationshipId }) {
  const relationship = useEditorStore(selectRelationship(relationshipId));
  const schema = useEditorStore(selectSchema);
  const renameRelationship = useEditorStore((s) => s.renameRelationship);
  const deleteRelationship = useEditorStore((s) => s.deleteRelationship);
  if (!relationship) return null;
  const nameOf = (side: EndSide) => findTable(schema, relationship[side].tableId)?.name ?? '?';
  const kind = relationshipKind(relationship);
  return (
    <section className="inspector" aria-label="Relationship">
      <p className="sentence">{describeRelationship(schema, relationship)}</p>
      <label className="field">
        <span>Label (verb)</span>
        <DraftInput
          name="relationship-name"
          value={relationship.name}
          placeholder="has"
          onValue={(text) => renameRelationship(relationshipId, text)}
        />
      </label>
      <EndPicker relationship={relationship} side="to" nameOf={nameOf} />
      <EndPicker relationship={relationship} side="from" nameOf={nameOf} />
      {kind === 'oneToOne' && <OneToOneOptions relationship={relationship} nameOf={nameOf} />}
      {kind === 'manyToMany' && <JunctionEditor relationship={relationship} />}
      <ForeignKeyColumns relationship={relationship} />
      <KeyOptions relationship={relationship} />
      <ProblemList filter={(p) => p.relationshipId === relationshipId} />
      <div className="actions">
        <button type="button" className="danger" onClick={() => deleteRelationship(relationshipId)}>
          Delete relationship
        </button>
      </div>
      <RelationshipStatements relationshipId={relationshipId} />
      <h3>What PostgreSQL proves</h3>
      <ScenarioList relationshipId={relationshipId} />
    </section>
  );
}
