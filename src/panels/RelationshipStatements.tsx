import { statementsFor, toSqlText } from '../ddl/index.ts';
import type { RelationshipId } from '../model/index.ts';
import { selectFormattedDdl, useEditorStore } from '../store/index.ts';
import { CopyButton } from './CopyButton.tsx';

/** Just the statements that implement one relationship: its keys, junction table and triggers. */
export function RelationshipStatements({ relationshipId }: { relationshipId: RelationshipId }) {
  const { statements } = useEditorStore(selectFormattedDdl);
  const sql = toSqlText(statementsFor(statements, relationshipId));
  if (sql === '') return <p className="muted">No DDL until the problems above are fixed.</p>;
  return (
    <div className="relationship-ddl">
      <div className="panel-bar compact">
        <span className="muted">The SQL that enforces it</span>
        <CopyButton text={sql} />
      </div>
      <pre className="ddl" data-testid="relationship-ddl">
        {sql}
      </pre>
    </div>
  );
}
