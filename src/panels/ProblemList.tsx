import type { Problem } from '../model/index.ts';
import { selectDdl, useEditorStore } from '../store/index.ts';

/** Model problems matching `filter`, shown where the user typed the thing they are about. */
export function ProblemList({ filter }: { filter: (p: Problem) => boolean }) {
  const problems = useEditorStore(selectDdl).problems.filter(filter);
  if (problems.length === 0) return null;
  return (
    <ul className="problems">
      {problems.map((p, i) => (
        <li key={i} className={p.severity} role={p.severity === 'error' ? 'alert' : undefined}>
          {p.message}
        </li>
      ))}
    </ul>
  );
}
