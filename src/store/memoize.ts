/**
 * The one memoisation behind the store's selectors: a derivation of an immutable value (a schema, a lint
 * result, a proof report) is computed once per value, compared by identity, so drags, selection and
 * re-renders never recompute it, and panels reading a deferred schema share it. Further arguments (the
 * DDL options) are compared with the last ones seen with that value.
 */
export function memoize<K extends object, A extends unknown[], T>(derive: (key: K, ...args: A) => T): (key: K, ...args: A) => T {
  const cache = new WeakMap<K, { args: A; value: T }>();
  return (key, ...args) => {
    const hit = cache.get(key);
    if (hit && hit.args.every((arg, i) => arg === args[i])) return hit.value;
    const value = derive(key, ...args);
    cache.set(key, { args, value });
    return value;
  };
}

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
