import { useEditorStore } from '../store/index.ts';
import { EnumsEditor } from './EnumsEditor.tsx';
import { RelationshipInspector } from './RelationshipInspector.tsx';
import { TableInspector } from './TableInspector.tsx';

/** Shows the editor for whatever is selected, or how to start. */
export function Inspector() {
  const selection = useEditorStore((s) => s.selection);
  if (selection?.kind === 'table') return <TableInspector key={selection.id} tableId={selection.id} />;
  if (selection?.kind === 'relationship') return <RelationshipInspector key={selection.id} relationshipId={selection.id} />;
  return (
    <section className="inspector empty">
      <p>Select a table or a relationship to edit it.</p>
      <p className="muted">
        Connect two tables by dragging from the dot on a table's side and dropping anywhere on another table (a note beside the pointer says
        what it will make). The new relationship starts as one-to-many; change its ends here.
      </p>
      <EnumsEditor />
    </section>
  );
}
