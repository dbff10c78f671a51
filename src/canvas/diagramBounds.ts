import type { ErdDocument, Table } from '../model/index.ts';
import type { Size } from './autoLayout.ts';

/** A rectangle in flow coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Notes are drawn about this size; enough to keep one in a fitted view. */
const noteSize: Size = { width: 220, height: 120 };

/** The rectangle around every table and note of a document, or null for an empty one. */
export function diagramBounds(document: ErdDocument, sizeOf: (table: Table) => Size): Rect | null {
  const boxes = [
    ...document.schema.tables.map((t) => ({ ...(document.layout[t.id] ?? { x: 0, y: 0 }), ...sizeOf(t) })),
    ...(document.notes ?? []).map((n) => ({ ...n.position, ...noteSize })),
  ];
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
