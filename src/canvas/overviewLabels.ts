/** A table as the zoomed-out overview sees it: its box (flow coordinates), its name and how much it matters. */
export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  /** Higher is named first: relationships meeting the table, so the hubs of a schema keep their names. */
  priority: number;
}

/** How a label is drawn, in flow units at the current zoom. */
export interface LabelFont {
  /** The label's font size (its height is 1.25 of it). */
  size: number;
  /** Space kept between two labels. */
  gap: number;
}

/** A bold sans-serif character's average width, as a share of the font size (names are mostly lowercase and `_`). */
const charWidth = 0.62;
/** The pill's padding on each side, as a share of the font size. */
const padding = 0.3;

/** A rectangle in flow coordinates. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The pill a name is drawn on: centred on its table, spilling over both sides when wider. */
export function labelRect(candidate: LabelCandidate, font: LabelFont): Rect {
  const width = (candidate.text.length * charWidth + 2 * padding) * font.size;
  const height = 1.25 * font.size;
  const cx = candidate.x + candidate.width / 2;
  const cy = candidate.y + candidate.height / 2;
  return { left: cx - width / 2, top: cy - height / 2, right: cx + width / 2, bottom: cy + height / 2 };
}

const overlaps = (a: Rect, b: Rect, gap: number) =>
  a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

/**
 * Which tables keep their name in a zoomed-out overview: names are placed in order of priority (ties:
 * larger tables first, then by name) and one that would overlap a name already placed, or an obstacle
 * (a note's summary, drawn over everything), is left out, so every name shown can be read. A uniform
 * grid keeps it linear in the number of tables.
 */
export function placeOverviewLabels(candidates: readonly LabelCandidate[], font: LabelFont, obstacles: readonly Rect[] = []): Set<string> {
  const ordered = [...candidates].sort(
    (a, b) => b.priority - a.priority || b.width * b.height - a.width * a.height || a.text.localeCompare(b.text),
  );
  const cell = Math.max(font.size * 8, 1);
  const grid = new Map<string, Rect[]>();
  const cellsOf = (r: Rect) => {
    const keys: string[] = [];
    for (let i = Math.floor((r.left - font.gap) / cell); i <= Math.floor((r.right + font.gap) / cell); i++)
      for (let j = Math.floor((r.top - font.gap) / cell); j <= Math.floor((r.bottom + font.gap) / cell); j++) keys.push(`${i}:${j}`);
    return keys;
  };
  const place = (rect: Rect, keys: string[]) => keys.forEach((key) => grid.set(key, [...(grid.get(key) ?? []), rect]));
  for (const obstacle of obstacles) place(obstacle, cellsOf(obstacle));
  const shown = new Set<string>();
  for (const candidate of ordered) {
    const rect = labelRect(candidate, font);
    const keys = cellsOf(rect);
    if (keys.some((key) => grid.get(key)?.some((placed) => overlaps(rect, placed, font.gap)))) continue;
    place(rect, keys);
    shown.add(candidate.id);
  }
  return shown;
}
