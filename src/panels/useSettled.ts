import { useEffect, useState } from 'react';

/**
 * `value` once it has stayed the same for `ms` (the last one while it keeps changing), so work that
 * follows it, like a migration diff of a 500-table schema, runs when typing pauses instead of between
 * keystrokes. When `resetKey` changes (another base version, another document) the value is followed
 * at once.
 */
export function useSettled<T>(value: T, ms: number, resetKey?: unknown): T {
  const [settled, setSettled] = useState({ value, resetKey });
  useEffect(() => {
    if (settled.value === value && settled.resetKey === resetKey) return;
    const timer = setTimeout(() => setSettled({ value, resetKey }), ms);
    return () => clearTimeout(timer);
  }, [value, ms, resetKey, settled]);
  return settled.resetKey === resetKey ? settled.value : value;
}
