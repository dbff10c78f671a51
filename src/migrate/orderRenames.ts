/** One name change within a namespace (the tables of a schema, the columns of a table...). */
export interface NameChange {
  key: string;
  from: string;
  to: string;
}

/**
 * Orders renames so none takes a name still held: a chain (a -> b while b -> c) renames b first, and a
 * cycle (a <-> b) goes through a temporary name. `held` are the names the namespace holds before
 * (renamed objects included); returns the renames to run, temporary steps included.
 */
export function orderRenames(changes: readonly NameChange[], held: Iterable<string>): NameChange[] {
  const taken = new Set(held);
  const pending = changes.filter((c) => c.from !== c.to).map((c) => ({ ...c }));
  const ordered: NameChange[] = [];
  while (pending.length > 0) {
    const free = pending.findIndex((c) => !taken.has(c.to));
    if (free >= 0) {
      const [c] = pending.splice(free, 1);
      ordered.push(c!);
      taken.delete(c!.from);
      taken.add(c!.to);
      continue;
    }
    const blocked = pending.findIndex((c) => !pending.some((p) => p.from === c.to));
    if (blocked >= 0) {
      // Its new name stays with something no rename here moves, so no order frees it: returned as is
      // (PostgreSQL refuses it, and a proof says so) rather than renamed to temporary names forever.
      ordered.push(...pending.splice(blocked, 1));
      continue;
    }
    const stuck = pending[0]!;
    let temporary = `${stuck.from}__renaming`;
    for (let n = 1; taken.has(temporary); n++) temporary = `${stuck.from}__renaming${n}`;
    ordered.push({ key: stuck.key, from: stuck.from, to: temporary });
    taken.delete(stuck.from);
    taken.add(temporary);
    stuck.from = temporary;
  }
  return ordered;
}
