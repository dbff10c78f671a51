/**
 * `next`, keeping each element `isEqual` to the one at the same place in `previous` as the previous object,
 * and `previous` itself when every element is: a re-derivation after a keystroke then re-renders only
 * the nodes and edges whose facts it changed.
 */
export function keepEqual<T>(previous: readonly T[] | undefined, next: readonly T[], isEqual: (a: T, b: T) => boolean): readonly T[] {
  if (!previous) return next;
  const kept = next.map((item, i) => (i < previous.length && isEqual(previous[i]!, item) ? previous[i]! : item));
  return kept.length === previous.length && kept.every((item, i) => item === previous[i]) ? previous : kept;
}
