import type { Problem } from '../model/index.ts';
import { selectLint, useEditorStore } from '../store/index.ts';

const severityLabel = { error: 'Error', warning: 'Warning', info: 'Advice' } as const;

/** Every lint finding; clicking one selects the table or relationship it is about. */
export function ModelProblems() {
  const problems = useEditorStore(selectLint);
  const select = useEditorStore((s) => s.select);
  if (problems.length === 0) return <p className="muted lint-clean">No problems found in the model.</p>;
  const handleClick = (p: Problem) => {
    if (p.relationshipId) select({ kind: 'relationship', id: p.relationshipId });
    else if (p.tableId) select({ kind: 'table', id: p.tableId });
  };
  return (
    <ul className="problems lint" aria-label="Problems in the model">
      {problems.map((p, i) => (
        <li key={i} className={p.severity}>
          <button type="button" className="link" onClick={() => handleClick(p)} disabled={!p.relationshipId && !p.tableId}>
            <b>{severityLabel[p.severity]}:</b> {p.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
