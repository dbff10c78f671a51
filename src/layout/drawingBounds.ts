/** A box in flow coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest box holding all the boxes, or null for none; empty boxes (hidden elements) do not count. */
export function unionBoxes(boxes: readonly Box[]): Box | null {
  const drawn = boxes.filter((b) => b.width > 0 || b.height > 0);
  if (drawn.length === 0) return null;
  const left = Math.min(...drawn.map((b) => b.x));
  const top = Math.min(...drawn.map((b) => b.y));
  const right = Math.max(...drawn.map((b) => b.x + b.width));
  const bottom = Math.max(...drawn.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** What an image shows: tables and notes, edge lines, crow's feet, and the labels that have a name. */
const drawnParts = '.react-flow__node, .react-flow__edge-path, .crows-foot, .edge-label:has(.edge-name)';

/**
 * The box around everything drawn in a React Flow viewport shown at zoom 1, in flow coordinates, read
 * from the page: curves that bow past their tables and labels count, which node bounds alone would miss.
 */
export function measureDrawing(viewport: HTMLElement): Box | null {
  const origin = viewport.getBoundingClientRect();
  const boxes = [...viewport.querySelectorAll(drawnParts)].map((element) => {
    const r = element.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
  });
  return unionBoxes(boxes);
}
