import type { Cardinality } from '../model/index.ts';
import { crowsFootShapes } from '../layout/crowsFoot.ts';

/** A crow's-foot end drawn on its own, for the legend and the end pickers. */
export function EndMarkerIcon({ end, width = 56 }: { end: Cardinality; width?: number }) {
  const { lines, circles } = crowsFootShapes(end, { x: width - 4, y: 12, direction: -1 });
  return (
    <svg className="end-icon crows-foot" width={width} height={24} viewBox={`0 0 ${width} 24`} aria-hidden="true">
      <line x1={0} y1={12} x2={width - 4} y2={12} />
      <line x1={width - 4} y1={2} x2={width - 4} y2={22} className="table-edge" />
      {lines.map((l, i) => (
        <line key={i} {...l} />
      ))}
      {circles.map((c, i) => (
        <circle key={i} {...c} />
      ))}
    </svg>
  );
}
