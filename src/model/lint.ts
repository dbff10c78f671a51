import type { TableId } from './ids.ts';
import { primaryKeyOf } from './lookup.ts';
import { resolveAll, type ResolvedForeignKey } from './resolve.ts';
import type { Schema } from './schema.ts';
import { validateSchema, type Problem } from './validate.ts';

/**
 * Every problem and piece of advice about a schema: validation plus design checks. Shown on the canvas and
 * by `erd lint`. The editor passes the validation it already has for the schema, so a keystroke validates once.
 */
export function lintSchema(schema: Schema, validation: Problem[] = validateSchema(schema)): Problem[] {
  const resolved = resolveAll(schema).filter((r): r is ResolvedForeignKey => r.kind === 'oneToOne' || r.kind === 'oneToMany');
  return [...validation, ...mandatoryCycles(resolved), ...oneTableMayDo(resolved), ...uniqueAgainstMany(resolved)];
}

/**
 * A "many" child end whose foreign key is UNIQUE anyway (an imported 1:1 redrawn as 1:N keeps its column's
 * UNIQUE): PostgreSQL refuses the second child the diagram allows. Says which UNIQUE it is and the two ways out.
 */
function uniqueAgainstMany(foreignKeys: ResolvedForeignKey[]): Problem[] {
  return foreignKeys.flatMap((r) => {
    if (r.childEnd.max !== 'many') return [];
    const fk = new Set(r.columns.map((c) => c.id));
    const columnNames = (ids: readonly string[]) => ids.map((id) => r.child.columns.find((c) => c.id === id)?.name ?? id).join(', ');
    const key = primaryKeyOf(r.child).map((c) => c.id);
    const culprits = [
      ...r.columns.filter((c) => c.isUnique).map((c) => `column ${c.name} is UNIQUE (untick it)`),
      ...r.child.indexes
        .filter((i) => i.isUnique && i.columnIds.length > 0 && i.columnIds.every((id) => fk.has(id)))
        .map(
          (i) =>
            `the unique index ${i.name ? `"${i.name}" ` : ''}on (${columnNames(i.columnIds)}) makes it unique (drop it or make it not unique)`,
        ),
      ...(key.length > 0 && key.every((id) => fk.has(id))
        ? [`it is the primary key of "${r.child.name}" (give the table a key of its own)`]
        : []),
    ];
    if (culprits.length === 0) return [];
    return [
      {
        severity: 'warning' as const,
        relationshipId: r.relationship.id,
        message: `Each ${r.parent.name} row is drawn with many ${r.child.name} rows, but the foreign key "${r.child.name}".(${r.columns.map((c) => c.name).join(', ')}) allows only one: ${culprits.join('; ')}, or draw the "${r.child.name}" end as one (1:1)`,
      },
    ];
  });
}

/**
 * Tables whose NOT NULL, non-deferrable foreign keys form a cycle: no insert order can fill them,
 * so the first row of any of them is refused. A row pointing at itself is fine, so self-references do not count.
 */
function mandatoryCycles(foreignKeys: ResolvedForeignKey[]): Problem[] {
  const edges = foreignKeys.filter((r) => r.isNotNull && !r.relationship.isDeferrable && r.child.id !== r.parent.id);
  const next = new Map<TableId, ResolvedForeignKey[]>();
  for (const e of edges) next.set(e.child.id, [...(next.get(e.child.id) ?? []), e]);
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const start of edges) {
    const cycle = findPath(start.parent.id, start.child.id, next);
    if (!cycle) continue;
    const loop = [start, ...cycle];
    const key = loop
      .map((r) => r.relationship.id)
      .sort()
      .join();
    if (reported.has(key)) continue;
    reported.add(key);
    const names = [start.child.name, ...loop.map((r) => r.parent.name)];
    problems.push({
      severity: 'warning',
      relationshipId: start.relationship.id,
      message: `Mandatory foreign keys form a cycle (${names.join(' → ')}): no insert order can satisfy them. Make one end "zero or one", or mark one of these relationships deferrable`,
    });
  }
  return problems;
}

/** A path of mandatory keys from `from` back to `to`, or undefined. */
function findPath(
  from: TableId,
  to: TableId,
  next: Map<TableId, ResolvedForeignKey[]>,
  seen = new Set<TableId>(),
): ResolvedForeignKey[] | undefined {
  if (seen.has(from)) return undefined;
  seen.add(from);
  for (const edge of next.get(from) ?? []) {
    if (edge.parent.id === to) return [edge];
    const rest = findPath(edge.parent.id, to, next, seen);
    if (rest) return [edge, ...rest];
  }
  return undefined;
}

/** A 1:1 that is mandatory on both sides is usually one table split in two; say so, gently, until a table comment records why. */
function oneTableMayDo(foreignKeys: ResolvedForeignKey[]): Problem[] {
  return foreignKeys
    .filter((r) => r.kind === 'oneToOne' && r.childEnd.min === 1 && r.parentEnd.min === 1 && r.child.id !== r.parent.id)
    .filter((r) => r.child.comment.trim() === '' && r.parent.comment.trim() === '')
    .map((r) => ({
      severity: 'info' as const,
      relationshipId: r.relationship.id,
      message: `Every ${r.parent.name} row has exactly one ${r.child.name} row and the other way round: unless they are split for size, security or access, one table may do (record the reason in a table comment)`,
    }));
}
