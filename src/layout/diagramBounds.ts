import type { ErdDocument, Table } from '../model/index.ts';
import type { Size } from './autoLayout.ts';
import { unionBoxes, type Box } from './drawingBounds.ts';

/** Notes are drawn about this size; enough to keep one in a fitted view. */
const noteSize: Size = { width: 220, height: 120 };

/** The rectangle around every table and note of a document, or null for an empty one. */
export function diagramBounds(document: ErdDocument, sizeOf: (table: Table) => Size): Box | null {
  const boxes = [
    ...document.schema.tables.map((t) => ({ ...(document.layout[t.id] ?? { x: 0, y: 0 }), ...sizeOf(t) })),
    ...(document.notes ?? []).map((n) => ({ ...n.position, ...noteSize })),
  ];
  return unionBoxes(boxes);
}
