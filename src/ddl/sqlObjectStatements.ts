import type { SqlObject, SqlObjectKind } from '../model/index.ts';
import type { Statement } from './statement.ts';

/**
 * Where each kind of kept-as-text object goes: what column types need (extensions, domains, types,
 * sequences) before the tables, everything that reads tables after them, in this order.
 */
export const sqlObjectPlacement: Record<SqlObjectKind, { phase: 'beforeTables' | 'afterTables'; rank: number }> = {
  extension: { phase: 'beforeTables', rank: 0 },
  domain: { phase: 'beforeTables', rank: 1 },
  type: { phase: 'beforeTables', rank: 1 },
  sequence: { phase: 'beforeTables', rank: 2 },
  function: { phase: 'afterTables', rank: 0 },
  aggregate: { phase: 'afterTables', rank: 1 },
  view: { phase: 'afterTables', rank: 2 },
  materializedView: { phase: 'afterTables', rank: 2 },
  constraint: { phase: 'afterTables', rank: 3 },
  index: { phase: 'afterTables', rank: 4 },
  trigger: { phase: 'afterTables', rank: 5 },
};

/**
 * The kept objects of one phase as statements of kind `sqlObject`, their text as imported. Within a
 * rank they keep the schema's order (the order PostgreSQL created them in), so views built on views
 * still come after what they read. The "one schema" option does not rewrite their text. With
 * `standIns`, an extension becomes its stand-in types (or nothing): what the proofs run.
 */
export function sqlObjectStatements(objects: readonly SqlObject[], phase: 'beforeTables' | 'afterTables', { standIns = false } = {}): Statement[] {
  return objects
    .map((o, index) => ({ o, index, ...sqlObjectPlacement[o.kind] }))
    .filter((x) => x.phase === phase && (!standIns || x.o.kind !== 'extension' || x.o.standIn !== undefined))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ o }) => ({ kind: 'sqlObject', sqlObjectId: o.id, sql: standIns && o.kind === 'extension' ? o.standIn! : o.sql }));
}
