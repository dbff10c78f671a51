/** How many recent values each derivation remembers: the current schema, the one a panel defers to, the proved one, the one before. */
const recentValues = 4;

/**
 * The one memoisation of the editor (the model's derived facts, the store's selectors): a derivation of an immutable value (a schema, a lint
 * result, a proof report) is computed once per value, compared by identity, so drags, selection and
 * re-renders never recompute it, and panels reading a deferred schema share it. Further arguments (the
 * DDL options) are compared with the last ones seen with that value. Only the few most recent values are
 * remembered: keeping a derivation for every schema still in the undo history held 277 MB after 200
 * edits of a 500-table document (WeakMaps per schema object, as the store and the model had).
 */
export function memoize<K extends object, A extends unknown[], T>(derive: (key: K, ...args: A) => T): (key: K, ...args: A) => T {
  let recent: { key: K; args: A; value: T }[] = [];
  return (key, ...args) => {
    const hit = recent.find((entry) => entry.key === key);
    if (hit && hit.args.every((arg, i) => arg === args[i])) return hit.value;
    const value = derive(key, ...args);
    recent = [{ key, args, value }, ...recent.filter((entry) => entry.key !== key)].slice(0, recentValues);
    return value;
  };
}
