import type { ColumnId, RelationshipId, TableId } from './ids.ts';
import type { Column, Schema, Table } from './schema.ts';
import { describeCount } from './describe.ts';
import { primaryKeyOf } from './lookup.ts';
import { singular } from './naming.ts';
import { resolveAll, type ResolvedForeignKey } from './resolve.ts';
import { checkSqlFragment, hasControlCharacter } from './sqlFragments.ts';

/** A problem in the model, pointing at what it is about and saying how to fix it. */
export interface Problem {
  /** error: blocks the DDL; warning: the DDL runs but may not do what is meant; info: advice. */
  severity: 'error' | 'warning' | 'info';
  message: string;
  tableId?: TableId;
  columnId?: ColumnId;
  relationshipId?: RelationshipId;
}

/** PostgreSQL silently truncates longer identifiers, which would rename the user's table. */
export const maxIdentifierBytes = 63;

const byteLength = (s: string) => new TextEncoder().encode(s).length;

/** What is wrong with a name PostgreSQL will store, or undefined. */
export function checkName(name: string, what: string): string | undefined {
  if (name.trim() === '') return `${what} has no name; type one`;
  if (name !== name.trim()) return `${what} "${name}" starts or ends with a space; remove it`;
  if (hasControlCharacter(name)) return `${what} "${name}" contains a control character; remove it`;
  if (byteLength(name) > maxIdentifierBytes) return `${what} "${name}" is longer than PostgreSQL's ${maxIdentifierBytes} bytes; shorten it`;
  return undefined;
}

/** Every problem that stops the DDL from being generated or run as drawn (errors), or deserves a look (warnings). */
export function validateSchema(schema: Schema): Problem[] {
  const problems: Problem[] = [];
  const tableNames = new Set<string>();
  for (const table of schema.tables) {
    const key = `${table.schemaName}.${table.name}`;
    if (tableNames.has(key)) problems.push({ severity: 'error', message: `Two tables are named "${table.name}"; rename one`, tableId: table.id });
    tableNames.add(key);
    problems.push(...validateTable(table));
  }
  problems.push(...validateEnums(schema));
  for (const resolved of resolveAll(schema)) {
    const relationshipId = resolved.relationship.id;
    if (resolved.kind === 'invalid') {
      problems.push({ severity: 'error', message: `A relationship cannot be built: ${resolved.reason}`, relationshipId });
    } else if (resolved.kind === 'manyToMany') {
      const { junction } = resolved.relationship;
      if (junction.name !== '') {
        const nameProblem = checkName(junction.name, 'The junction table');
        if (nameProblem) problems.push({ severity: 'error', message: nameProblem, relationshipId });
        if (schema.tables.some((t) => t.name === junction.name && t.schemaName === resolved.from.schemaName)) {
          problems.push({ severity: 'error', message: `The junction table "${junction.name}" has the name of a table; rename it`, relationshipId });
        }
      }
      for (const column of junction.columns) problems.push(...validateColumn(column, `the junction of ${resolved.from.name} and ${resolved.to.name}`).map((p) => ({ ...p, relationshipId })));
    } else {
      problems.push(...validateActions(resolved), ...validateKeyTypes(resolved));
    }
  }
  return problems;
}

function validateTable(table: Table): Problem[] {
  const tableId = table.id;
  const problems: Problem[] = [];
  const nameProblem = checkName(table.name, 'A table');
  if (nameProblem) problems.push({ severity: 'error', message: nameProblem, tableId });
  const schemaProblem = checkName(table.schemaName, `The schema of table "${table.name}"`);
  if (schemaProblem) problems.push({ severity: 'error', message: schemaProblem, tableId });
  if (table.columns.length === 0) problems.push({ severity: 'error', message: `Table "${table.name}" has no columns; add one`, tableId });
  if (primaryKeyOf(table).length === 0) {
    problems.push({ severity: 'warning', message: `Table "${table.name}" has no primary key; mark a column as PK`, tableId });
  }
  const columnNames = new Set<string>();
  for (const column of table.columns) {
    if (columnNames.has(column.name)) {
      problems.push({ severity: 'error', message: `Table "${table.name}" has two columns named "${column.name}"; rename one`, tableId, columnId: column.id });
    }
    columnNames.add(column.name);
    problems.push(...validateColumn(column, `"${table.name}"`).map((p) => ({ ...p, tableId })));
  }
  for (const check of table.checks) {
    const checkProblem = checkSqlFragment(check.expression, 'check') ?? (check.name ? checkName(check.name, `A CHECK of "${table.name}"`) : undefined);
    if (checkProblem) problems.push({ severity: 'error', message: `CHECK ${check.name || ''} on "${table.name}": ${checkProblem}`, tableId });
  }
  for (const index of table.indexes) {
    const indexProblem = index.name ? checkName(index.name, `An index of "${table.name}"`) : undefined;
    if (indexProblem) problems.push({ severity: 'error', message: indexProblem, tableId });
    if (index.columnIds.length === 0 || index.columnIds.some((id) => !table.columns.some((c) => c.id === id))) {
      problems.push({ severity: 'error', message: `An index of "${table.name}" names a column the table does not have; pick its columns again`, tableId });
    }
  }
  return problems;
}

function validateColumn(column: Column, owner: string): Problem[] {
  const problems: Problem[] = [];
  const at = { columnId: column.id };
  const columnProblem = checkName(column.name, `A column of ${owner}`);
  if (columnProblem) problems.push({ severity: 'error', message: columnProblem, ...at });
  const where = `Column ${owner}.${column.name}`;
  const typeProblem = checkSqlFragment(column.type, 'type');
  if (typeProblem) problems.push({ severity: 'error', message: `${where}: ${typeProblem}`, ...at });
  if (column.defaultValue !== null) {
    const defaultProblem = checkSqlFragment(column.defaultValue, 'default');
    if (defaultProblem) problems.push({ severity: 'error', message: `${where}: ${defaultProblem}`, ...at });
    if (column.identity) problems.push({ severity: 'error', message: `${where} is an identity column and has a default; remove one of them`, ...at });
  }
  if (column.identity && !/^(smallint|integer|int|bigint|int2|int4|int8)$/i.test(column.type.trim())) {
    problems.push({ severity: 'error', message: `${where}: an identity column must be smallint, integer or bigint, not ${column.type}`, ...at });
  }
  return problems;
}

function validateEnums(schema: Schema): Problem[] {
  const problems: Problem[] = [];
  const names = new Set<string>();
  for (const type of schema.enums) {
    const nameProblem = checkName(type.name, 'An enum type') ?? checkName(type.schemaName, `The schema of enum "${type.name}"`);
    if (nameProblem) problems.push({ severity: 'error', message: nameProblem });
    if (names.has(`${type.schemaName}.${type.name}`)) problems.push({ severity: 'error', message: `Two enum types are named "${type.name}"; rename one` });
    names.add(`${type.schemaName}.${type.name}`);
    if (type.values.length === 0) problems.push({ severity: 'error', message: `Enum "${type.name}" has no values; add one` });
    if (new Set(type.values).size !== type.values.length) problems.push({ severity: 'error', message: `Enum "${type.name}" lists a value twice; remove the copy` });
    for (const value of type.values) {
      if (value === '' || byteLength(value) > maxIdentifierBytes) problems.push({ severity: 'error', message: `Enum "${type.name}" has a value that is empty or longer than 63 bytes` });
    }
  }
  return problems;
}

/** SET NULL and SET DEFAULT must be able to do what they say, or PostgreSQL refuses the delete at run time. */
function validateActions(r: ResolvedForeignKey): Problem[] {
  const problems: Problem[] = [];
  const relationshipId = r.relationship.id;
  const columns = r.columns.map((c) => c.name).join(', ');
  const keyIsPrimary = r.isSharedPrimaryKey || r.columns.some((c) => c.isPrimaryKey);
  for (const [clause, action] of [['ON DELETE', r.relationship.onDelete], ['ON UPDATE', r.relationship.onUpdate]] as const) {
    if (action === 'set null' && (r.isNotNull || keyIsPrimary)) {
      const why = keyIsPrimary
        ? `${columns} is part of the primary key of "${r.child.name}"`
        : `each ${singular(r.child.name)} belongs to ${describeCount(r.parentEnd, r.parent.name)}, so ${columns} is NOT NULL`;
      problems.push({
        severity: 'error',
        relationshipId,
        message: `${clause} SET NULL cannot work: ${why}. Make the ${r.parent.name} end "zero or one", or choose another action`,
      });
    }
    if (action === 'set default' && r.columns.some((c) => c.defaultValue === null) && (r.isNotNull || keyIsPrimary)) {
      problems.push({
        severity: 'error',
        relationshipId,
        message: `${clause} SET DEFAULT cannot work: ${columns} has no default and may not be NULL. Give ${columns} a default, or choose another action`,
      });
    }
  }
  return problems;
}

/** Type families PostgreSQL compares across (int with bigint, text with varchar); others must match exactly. */
function typeFamily(type: string): string {
  const t = type.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\(.*\)/, '').trim();
  if (/^(smallint|integer|int|bigint|int2|int4|int8|smallserial|serial|bigserial|serial2|serial4|serial8)$/.test(t)) return 'integer';
  if (/^(text|varchar|character varying|char|character|bpchar|name)$/.test(t)) return 'text';
  if (/^(numeric|decimal)$/.test(t)) return 'numeric';
  return t;
}

/** A foreign key and the key it references must be comparable, or PostgreSQL refuses the constraint (42804). */
function validateKeyTypes(r: ResolvedForeignKey): Problem[] {
  const mismatch = r.columns.findIndex((c, i) => typeFamily(c.type) !== typeFamily(r.parentColumns[i]!.type));
  if (mismatch < 0) return [];
  const column = r.columns[mismatch]!;
  const parentColumn = r.parentColumns[mismatch]!;
  return [
    {
      severity: 'error',
      relationshipId: r.relationship.id,
      tableId: r.child.id,
      message: `"${r.child.name}"."${column.name}" is ${column.type} but refers to "${r.parent.name}"."${parentColumn.name}", which is ${parentColumn.type}${r.isSharedPrimaryKey ? ' (the key is shared with another table too?)' : ''}; give both the same type`,
    },
  ];
}
