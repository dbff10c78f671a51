import { defaultDdlOptions, qualifiedName, quoteIdent } from '../ddl/index.ts';
import type { DbConstraint, DbTable } from './databaseObjects.ts';
import type { MigrationStep } from './migration.ts';
import { orderRenames } from './orderRenames.ts';
import { idsOf, tableRef, type Plan } from './plan.ts';

/**
 * Keys, UNIQUEs, CHECKs, indexes and foreign keys: dropped when gone or changed (with the foreign keys that use
 * a dropped key), renamed when only the name differs (a renamed table's `t_pkey`), added after the columns they cover.
 */
export function planConstraints(plan: Plan): void {
  const { from, to, phases } = plan;
  const dropped = new Set<string>();
  for (const c of from.constraints.values()) {
    const next = to.constraints.get(c.key);
    if (!next || !isSameConstraint(c, next, plan.replaced)) dropped.add(c.key);
  }
  // A foreign key whose columns or referenced columns change type goes first and comes back after: PostgreSQL
  // checks it again at each ALTER COLUMN TYPE, when one side is retyped and the other not yet.
  const retyped = retypedColumns(plan);
  for (const c of from.constraints.values())
    if (c.references && [...c.columns, ...c.references.columns].some((k) => retyped.has(k))) dropped.add(c.key);
  // A foreign key must go before the key it references goes, and come back after it is made again.
  const droppedKeys = new Set(
    [...dropped].map((k) => from.constraints.get(k)!).flatMap((c) => (isKey(c) ? [target(c.tableKey, c.columns)] : [])),
  );
  for (const c of from.constraints.values())
    if (c.references && droppedKeys.has(target(c.references.tableKey, c.references.columns))) dropped.add(c.key);

  for (const key of dropped) {
    const c = from.constraints.get(key)!;
    const table = from.tables.get(c.tableKey)!;
    if (c.kind !== 'foreignKey' && !to.tables.has(c.tableKey)) continue;
    const phase = c.kind === 'foreignKey' ? phases.dropForeignKeys : phases.dropConstraints;
    phase.push(dropStep(c, table));
  }
  planConstraintRenames(plan, dropped);
  for (const c of to.constraints.values()) {
    const table = to.tables.get(c.tableKey)!;
    const before = from.constraints.get(c.key);
    const isNewTable = !from.tables.has(c.tableKey);
    if (before && !dropped.has(c.key)) continue;
    if (c.inline && isNewTable) continue;
    const step = addStep(c, table, isNewTable ? undefined : rejection(c, table, to.tables));
    if (c.kind === 'foreignKey') phases.addForeignKeys.push(step);
    else if (isKey(c)) phases.addKeys.push(step);
    else phases.addChecks.push(step);
  }
}

/** Whether a constraint stays as it is: same kind, table, columns, expression, referenced key and clauses, none of its columns replaced. */
function isSameConstraint(before: DbConstraint, after: DbConstraint, replaced: ReadonlySet<string>): boolean {
  const sameColumns = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((k, i) => k === b[i] && !replaced.has(k));
  const [a, b] = [before.references, after.references];
  return (
    before.kind === after.kind &&
    before.tableKey === after.tableKey &&
    sameColumns(before.columns, after.columns) &&
    (before.expression ?? '') === (after.expression ?? '') &&
    (a && b ? a.tableKey === b.tableKey && sameColumns(a.columns, b.columns) : a === b) &&
    (before.clauses ?? '') === (after.clauses ?? '')
  );
}

/** Keys of the columns kept in both schemas whose type changes. */
function retypedColumns({ from, to }: Plan): Set<string> {
  const retyped = new Set<string>();
  for (const [key, table] of to.tables) {
    const before = new Map(from.tables.get(key)?.columns.map((c) => [c.key, c]));
    for (const c of table.columns) if (before.has(c.key) && before.get(c.key)!.typeKey !== c.typeKey) retyped.add(c.key);
  }
  return retyped;
}

/** A primary key or UNIQUE that a foreign key can reference. */
function isKey(c: DbConstraint): boolean {
  return c.kind === 'primaryKey' || c.kind === 'unique' || c.kind === 'uniqueIndex';
}

/** A referenced key, by table and column set. */
function target(tableKey: string, columns: readonly string[]): string {
  return `${tableKey}|${[...columns].sort().join(',')}`;
}

const isIndex = (c: DbConstraint) => c.kind === 'index' || c.kind === 'uniqueIndex';
const indexRef = (c: DbConstraint, table: DbTable) => qualifiedName(table.schemaName, c.name, defaultDdlOptions);

function dropStep(c: DbConstraint, table: DbTable): MigrationStep {
  const sql = isIndex(c) ? `DROP INDEX ${indexRef(c, table)};` : `ALTER TABLE ${tableRef(table)} DROP CONSTRAINT ${quoteIdent(c.name)};`;
  return { kind: c.kind === 'foreignKey' ? 'dropForeignKey' : isIndex(c) ? 'dropIndex' : 'dropConstraint', ...ids(c), sql };
}

/** Constraints and indexes kept under a new name (a renamed table's `t_pkey`), ordered so no rename takes a name still held, per schema. */
function planConstraintRenames(plan: Plan, dropped: ReadonlySet<string>): void {
  const kept = [...plan.to.constraints.values()].filter((c) => plan.from.constraints.has(c.key) && !dropped.has(c.key));
  for (const schemaName of new Set(kept.map((c) => plan.to.tables.get(c.tableKey)!.schemaName))) {
    const inSchema = kept.filter((c) => plan.to.tables.get(c.tableKey)!.schemaName === schemaName);
    const changes = inSchema.map((c) => ({ key: c.key, from: plan.from.constraints.get(c.key)!.name, to: c.name }));
    for (const r of orderRenames(
      changes,
      changes.map((c) => c.from),
    )) {
      const c = plan.to.constraints.get(r.key)!;
      const table = plan.to.tables.get(c.tableKey)!;
      plan.phases.renameConstraints.push(
        isIndex(c)
          ? { kind: 'renameIndex', ...ids(c), sql: `ALTER INDEX ${indexRef({ ...c, name: r.from }, table)} RENAME TO ${quoteIdent(r.to)};` }
          : {
              kind: 'renameConstraint',
              ...ids(c),
              sql: `ALTER TABLE ${tableRef(table)} RENAME CONSTRAINT ${quoteIdent(r.from)} TO ${quoteIdent(r.to)};`,
            },
      );
    }
  }
}

function addStep(c: DbConstraint, table: DbTable, rejectsRows: string | undefined): MigrationStep {
  const sql = c.sql ?? `ALTER TABLE ${tableRef(table)} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition};`;
  const kinds = {
    primaryKey: 'addPrimaryKey',
    unique: 'addUnique',
    check: 'addCheck',
    foreignKey: 'addForeignKey',
    index: 'createIndex',
    uniqueIndex: 'createIndex',
  } as const;
  return { kind: kinds[c.kind], ...ids(c), sql, ...(rejectsRows ? { rejectsRows } : {}) };
}

/** What existing rows can make a new constraint fail; indexes that are not unique cannot. */
function rejection(c: DbConstraint, table: DbTable, tables: Map<string, DbTable>): string | undefined {
  const names = c.columns.map((k) => table.columns.find((col) => col.key === k)?.name ?? k).join(', ');
  if (isKey(c)) return `fails while rows of ${table.name} repeat (${names})${c.kind === 'primaryKey' ? ' or leave it NULL' : ''}`;
  if (c.kind === 'check') return `fails while a row of ${table.name} breaks CHECK (${c.expression})`;
  if (c.kind === 'foreignKey' && !c.clauses?.endsWith('not valid')) {
    const parent = tables.get(c.references!.tableKey)!;
    return `fails while a row of ${table.name} has (${names}) with no match in ${parent.name}`;
  }
  return undefined;
}

/** What a constraint step changes: its table, and its relationship for a relationship's key, UNIQUE or junction. */
function ids(c: DbConstraint): Pick<MigrationStep, 'tableId' | 'relationshipId'> {
  return { ...idsOf(c.tableKey), ...(c.relationshipId ? { relationshipId: c.relationshipId as MigrationStep['relationshipId'] } : {}) };
}
