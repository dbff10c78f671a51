/** Something kept as text that may call others by name: a function's body names the functions it uses. */
export interface Mentioning {
  /** The bare name others write when they use it (`inventory_in_stock`). */
  bareName: string;
  text: string;
}

/**
 * Orders items so that one whose text mentions another's name comes after it, keeping the given
 * order otherwise (and for cycles). Exported DDL checks function bodies as it creates them, while
 * pg_dump turns that off, so a function must follow the functions its body calls.
 */
export function orderByMentions<T extends Mentioning>(items: readonly T[]): T[] {
  const placed = new Set<T>();
  const out: T[] = [];
  const visiting = new Set<T>();
  const mentions = (a: T, b: T) =>
    a !== b && new RegExp(`(^|[^A-Za-z0-9_$])${b.bareName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\(`).test(a.text);
  const place = (item: T) => {
    if (placed.has(item) || visiting.has(item)) return;
    visiting.add(item);
    for (const other of items) if (mentions(item, other)) place(other);
    visiting.delete(item);
    placed.add(item);
    out.push(item);
  };
  items.forEach(place);
  return out;
}
