import { cardinalityOf, describeEnd, endKinds } from '../model/index.ts';
import { EndMarkerIcon } from './EndMarkerIcon.tsx';

/** A line sample drawn as the canvas draws relationships (the same classes, so the same stroke and dashes). */
function LineSample({ isIdentifying }: { isIdentifying: boolean }) {
  return (
    <svg
      className={`legend-line relationship-edge ${isIdentifying ? 'identifying' : 'non-identifying'}`}
      width={56}
      height={24}
      aria-hidden="true"
    >
      <path className="react-flow__edge-path" d="M0 12H56" />
    </svg>
  );
}

/** Explains the four crow's-foot ends (the table stands at the right of each sample) and what solid and dashed lines mean. */
export function Legend() {
  return (
    <section className="legend" aria-label="Legend">
      {endKinds.map((kind) => {
        const end = cardinalityOf(kind);
        return (
          <div key={kind} className="legend-row">
            <EndMarkerIcon end={end} />
            <span>{describeEnd(end)}</span>
          </div>
        );
      })}
      <div className="legend-row" title="The foreign key is part of the child's primary key: a child row exists only within its parent">
        <LineSample isIdentifying />
        <span>identifying: key in the child's primary key</span>
      </div>
      <div className="legend-row" title="The child has a primary key of its own; the foreign key is an ordinary column">
        <LineSample isIdentifying={false} />
        <span>non-identifying: child has its own key</span>
      </div>
    </section>
  );
}
