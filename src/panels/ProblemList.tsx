import { useDeferredValue } from 'react';
import type { Problem } from '../model/index.ts';
import { selectSchema, useEditorStore, validationOf } from '../store/index.ts';

/**
 * Model problems matching `filter`, shown where the user typed the thing they are about. They follow
 * the schema a moment behind the keystroke (a deferred value), so typing paints before the whole
 * schema is validated again.
 */
export function ProblemList({ filter }: { filter: (p: Problem) => boolean }) {
  const schema = useDeferredValue(useEditorStore(selectSchema));
  const problems = validationOf(schema).filter(filter);
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
