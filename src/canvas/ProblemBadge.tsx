import type { Problem } from '../model/index.ts';

/** A small mark on a table or relationship with lint findings; the tooltip lists them. */
export function ProblemBadge({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  const severity = problems.some((p) => p.severity === 'error')
    ? 'error'
    : problems.some((p) => p.severity === 'warning')
      ? 'warning'
      : 'info';
  const text = problems.map((p) => p.message).join('\n');
  return (
    <span
      className={`problem-badge ${severity}`}
      title={text}
      aria-label={`${problems.length} ${severity === 'info' ? 'note' : severity}${problems.length > 1 ? 's' : ''}: ${text}`}
    >
      {severity === 'info' ? 'i' : '!'}
    </span>
  );
}
