import { cardinalityOf, describeEnd, endKinds } from '../model/index.ts';
import { EndMarkerIcon } from './EndMarkerIcon.tsx';

/** Explains the four crow's-foot ends; the table stands at the right of each sample. */
export function Legend() {
  return (
    <section className="legend" aria-label="Crow's-foot legend">
      {endKinds.map((kind) => {
        const end = cardinalityOf(kind);
        return (
          <div key={kind} className="legend-row">
            <EndMarkerIcon end={end} />
            <span>{describeEnd(end)}</span>
          </div>
        );
      })}
    </section>
  );
}
