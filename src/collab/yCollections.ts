import type * as Y from 'yjs';
import { readOrder, type Collection } from './yShape.ts';

/** How one kind of item is written: a new Y value for it, and the change of an existing one (only its differing fields; absent: replaced whole). */
export interface ItemWriter<T> {
  create(item: T): unknown;
  change?(existing: unknown, before: T, after: T): void;
}

/** Fills an empty collection with items in order. */
export function writeItems<T extends { id: string }>(collection: Collection, items: readonly T[], create: (item: T) => unknown): void {
  for (const item of items) collection.byId.set(item.id, create(item));
  if (items.length > 0) collection.order.push(items.map((item) => item.id));
}

/**
 * Writes what differs between two lists of items: unchanged items (the same object, the model being
 * immutable) are skipped by reference, changed ones write their differing fields, and the order
 * is touched only when the ids' sequence changed.
 */
export function writeItemsChange<T extends { id: string }>(
  collection: Collection,
  before: readonly T[],
  after: readonly T[],
  writer: ItemWriter<T>,
): void {
  if (before === after) return;
  const beforeById = new Map(before.map((item) => [item.id, item]));
  for (const item of after) {
    const old = beforeById.get(item.id);
    if (old === item) continue;
    const existing = collection.byId.get(item.id);
    if (old === undefined || existing === undefined || !writer.change) collection.byId.set(item.id, writer.create(item));
    else writer.change(existing, old, item);
  }
  const afterIds = new Set(after.map((item) => item.id));
  for (const item of before) if (!afterIds.has(item.id)) collection.byId.delete(item.id);
  const sameOrder = before.length === after.length && before.every((item, i) => item.id === after[i]!.id);
  if (!sameOrder) writeOrder(collection.order, [...afterIds]);
}

/**
 * Brings an order array to `target` with the fewest deletions: the longest run of ids already in
 * target order stays (so a colleague's concurrent insert next to them keeps its place), the rest
 * of the array goes and the missing ids are inserted where the target puts them.
 */
export function writeOrder(order: Y.Array<string>, target: readonly string[]): void {
  const current = order.toArray();
  const targetIndex = new Map(target.map((id, i) => [id, i]));
  const candidates: number[] = [];
  const seen = new Set<string>();
  current.forEach((id, position) => {
    if (targetIndex.has(id) && !seen.has(id)) {
      seen.add(id);
      candidates.push(position);
    }
  });
  const keptPositions = new Set(longestIncreasing(candidates, (position) => targetIndex.get(current[position]!)!));
  const kept = new Set([...keptPositions].map((position) => current[position]!));
  for (let end = current.length - 1; end >= 0;) {
    if (keptPositions.has(end)) {
      end--;
      continue;
    }
    let start = end;
    while (start > 0 && !keptPositions.has(start - 1)) start--;
    order.delete(start, end - start + 1);
    end = start - 1;
  }
  let at = 0;
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) order.insert(at, pending);
    at += pending.length;
    pending = [];
  };
  for (const id of target) {
    if (kept.has(id)) {
      flush();
      at++;
    } else pending.push(id);
  }
  flush();
}

/** The longest subsequence of `items` whose keys increase (patience sorting, O(n log n)). */
function longestIncreasing<T>(items: readonly T[], key: (item: T) => number): T[] {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(items.length).fill(-1);
  items.forEach((item, i) => {
    const k = key(item);
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (key(items[tails[mid]!]!) < k) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const result: T[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) result.push(items[i]!);
  return result.reverse();
}

/**
 * The items of a collection in order. With `previous` and the ids touched since, an untouched item
 * is the previous object itself, and an unchanged list is the previous array. An item `read` cannot
 * make (undefined: a value of the wrong kind, stored before the server checked updates) is left out.
 */
export function readItems<T extends { id: string }>(
  collection: Collection,
  read: (id: string, value: unknown) => T | undefined,
  previous?: readonly T[],
  touched?: ReadonlySet<string>,
): T[] {
  const previousById = previous && touched ? new Map(previous.map((item) => [item.id, item])) : undefined;
  const items: T[] = [];
  for (const id of readOrder(collection)) {
    const old = previousById?.get(id);
    const item = old !== undefined && !touched!.has(id) ? old : read(id, collection.byId.get(id));
    if (item !== undefined) items.push(item);
  }
  const unchanged = previous !== undefined && previous.length === items.length && items.every((item, i) => item === previous[i]);
  return unchanged ? (previous as T[]) : items;
}
