import {
  isEffectivelyNotNull,
  primaryKeyOf,
  resolveAll,
  validateSchema,
  type Problem,
  type ReferentialAction,
  type ResolvedForeignKey,
  type ResolvedRelationship,
  type Schema,
  type Table,
} from '../model/index.ts';
import { NameAllocator } from './constraintNames.ts';
import { junctionTables, type Junction } from './junction.ts';
import { quoteIdent } from './quoteIdent.ts';
import type { Statement } from './statement.ts';

/** The generated statements, or none and the errors that block them. */
export interface DdlResult {
  statements: Statement[];
  problems: Problem[];
}

const list = (names: readonly string[]) => names.map(quoteIdent).join(', ');

/**
 * Turns a schema into PostgreSQL DDL that enforces every relationship as drawn: all tables first,
 * then UNIQUE and FOREIGN KEY constraints (so reference cycles work). Same schema, same bytes.
 * Any error in the model blocks generation rather than produce SQL that does not say what the diagram says.
 */
export function generateDdl(schema: Schema): DdlResult {
  const problems = validateSchema(schema);
  if (problems.some((p) => p.severity === 'error')) return { statements: [], problems };
  const resolved = resolveAll(schema);
  const junctions = junctionTables(schema);
  const names = new NameAllocator([...schema.tables.map((t) => t.name), ...junctions.map((j) => j.name)]);
  const statements: Statement[] = [
    ...schema.tables.map((table) => createTable(table, resolved, names)),
    ...junctions.map((j) => createJunctionTable(j, names)),
  ];
  for (const r of resolved) {
    if (r.kind === 'oneToOne' || r.kind === 'oneToMany') statements.push(...foreignKeyStatements(r, names));
  }
  for (const j of junctions) statements.push(...junctionForeignKeys(j, names));
  return { statements, problems };
}

function createTable(table: Table, resolved: readonly ResolvedRelationship[], names: NameAllocator): Statement {
  const lines = table.columns.map((c) => {
    const notNull = isEffectivelyNotNull(c, resolved) && !c.isPrimaryKey ? ' NOT NULL' : '';
    const defaultValue = c.defaultValue === null ? '' : ` DEFAULT ${c.defaultValue}`;
    return `  ${quoteIdent(c.name)} ${c.type}${notNull}${defaultValue}`;
  });
  const key = primaryKeyOf(table).map((c) => c.name);
  if (key.length > 0) lines.push(`  CONSTRAINT ${quoteIdent(names.allocate(table.name, [], 'pkey'))} PRIMARY KEY (${list(key)})`);
  for (const c of table.columns) {
    if (c.isUnique && !(c.isPrimaryKey && key.length === 1)) {
      lines.push(`  CONSTRAINT ${quoteIdent(names.allocate(table.name, [c.name], 'key'))} UNIQUE (${quoteIdent(c.name)})`);
    }
  }
  return { kind: 'createTable', tableId: table.id, sql: `CREATE TABLE ${quoteIdent(table.name)} (\n${lines.join(',\n')}\n);` };
}

/** True when the columns are already unique on their own: the whole primary key, or one UNIQUE column. */
function isAlreadyUnique(r: ResolvedForeignKey): boolean {
  const key = primaryKeyOf(r.child);
  const sameAsKey = key.length === r.columns.length && key.every((k) => r.columns.includes(k));
  return sameAsKey || (r.columns.length === 1 && r.columns[0]!.isUnique);
}

function actions(onDelete: ReferentialAction, onUpdate: ReferentialAction): string {
  const del = onDelete === 'no action' ? '' : `\n  ON DELETE ${onDelete.toUpperCase()}`;
  const upd = onUpdate === 'no action' ? '' : `\n  ON UPDATE ${onUpdate.toUpperCase()}`;
  return del + upd;
}

function foreignKeyStatements(r: ResolvedForeignKey, names: NameAllocator): Statement[] {
  const relationshipId = r.relationship.id;
  const child = quoteIdent(r.child.name);
  const columns = r.columns.map((c) => c.name);
  const statements: Statement[] = [];
  if (r.isUnique && !isAlreadyUnique(r)) {
    const name = quoteIdent(names.allocate(r.child.name, columns, 'key'));
    statements.push({ kind: 'addUnique', relationshipId, tableId: r.child.id, sql: `ALTER TABLE ${child}\n  ADD CONSTRAINT ${name} UNIQUE (${list(columns)});` });
  }
  const name = quoteIdent(names.allocate(r.child.name, columns, 'fkey'));
  const references = `REFERENCES ${quoteIdent(r.parent.name)} (${list(r.parentColumns.map((c) => c.name))})`;
  statements.push({
    kind: 'addForeignKey',
    relationshipId,
    tableId: r.child.id,
    sql: `ALTER TABLE ${child}\n  ADD CONSTRAINT ${name} FOREIGN KEY (${list(columns)})\n  ${references}${actions(r.relationship.onDelete, r.relationship.onUpdate)};`,
  });
  if (r.childEnd.min === 1) {
    statements.push({
      kind: 'note',
      relationshipId,
      sql: `-- Not enforced: "each ${r.parent.name} has at least one ${r.child.name}" needs deferred constraints (not generated yet).`,
    });
  }
  return statements;
}

function createJunctionTable(j: Junction, names: NameAllocator): Statement {
  const columns = [...j.fromColumns, ...j.toColumns];
  const lines = columns.map((c) => `  ${quoteIdent(c.name)} ${c.type} NOT NULL`);
  lines.push(`  CONSTRAINT ${quoteIdent(names.allocate(j.name, [], 'pkey'))} PRIMARY KEY (${list(columns.map((c) => c.name))})`);
  return { kind: 'createJunctionTable', relationshipId: j.relationshipId, sql: `CREATE TABLE ${quoteIdent(j.name)} (\n${lines.join(',\n')}\n);` };
}

function junctionForeignKeys(j: Junction, names: NameAllocator): Statement[] {
  const { relationship } = j.resolved;
  return [
    { columns: j.fromColumns, parent: j.resolved.from },
    { columns: j.toColumns, parent: j.resolved.to },
  ].map(({ columns, parent }) => {
    const own = columns.map((c) => c.name);
    const name = quoteIdent(names.allocate(j.name, own, 'fkey'));
    const references = `REFERENCES ${quoteIdent(parent.name)} (${list(columns.map((c) => c.references.name))})`;
    return {
      kind: 'addForeignKey' as const,
      relationshipId: j.relationshipId,
      sql: `ALTER TABLE ${quoteIdent(j.name)}\n  ADD CONSTRAINT ${name} FOREIGN KEY (${list(own)})\n  ${references}${actions(relationship.onDelete, relationship.onUpdate)};`,
    };
  });
}
