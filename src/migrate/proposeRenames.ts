import type { DatabaseObjects, DbTable } from './databaseObjects.ts';
import type { ProposedRename } from './migration.ts';

/**
 * Where a table disappears and one with the same columns appears (or, in a table both have, one column
 * disappears and one of the same type appears), it may be a rename the ids do not show (two schemas from
 * different places). Proposed only; the user confirms.
 */
export function proposeRenames(from: DatabaseObjects, to: DatabaseObjects): ProposedRename[] {
  const proposals: ProposedRename[] = [];
  const shape = (t: DbTable) =>
    t.columns
      .map((c) => `${c.name}:${c.typeKey}`)
      .sort()
      .join(',');
  const gone = [...from.tables.values()].filter((t) => !to.tables.has(t.key));
  const added = [...to.tables.values()].filter((t) => !from.tables.has(t.key));
  for (const t of gone) {
    const alike = added.filter((n) => n.schemaName === t.schemaName && shape(n) === shape(t));
    const match = alike[0];
    if (match && alike.length === 1)
      proposals.push({
        kind: 'table',
        fromKey: t.key,
        toKey: match.key,
        description: `${t.schemaName}.${t.name} -> ${match.schemaName}.${match.name}`,
      });
  }
  for (const t of to.tables.values()) {
    const before = from.tables.get(t.key);
    if (!before) continue;
    const goneColumns = before.columns.filter((c) => !t.columns.some((n) => n.key === c.key));
    const newColumns = t.columns.filter((c) => !before.columns.some((o) => o.key === c.key));
    for (const c of goneColumns) {
      const alike = newColumns.filter((n) => n.typeKey === c.typeKey);
      const rivals = goneColumns.filter((o) => o.typeKey === c.typeKey);
      const match = alike[0];
      if (match && rivals.length === 1 && alike.length === 1)
        proposals.push({
          kind: 'column',
          fromKey: c.key,
          toKey: match.key,
          description: `${t.name}.${c.name} -> ${t.name}.${match.name}`,
        });
    }
  }
  return proposals;
}
