import type { ColumnId, RelationshipId, TableId } from './ids.ts';
import type { Column, Schema, Table } from './schema.ts';
import { describeCount } from './describe.ts';
import { junctionTables } from './junction.ts';
import { primaryKeyOf } from './lookup.ts';
import { byteLength, maxIdentifierBytes, singular } from './naming.ts';
import { isEffectivelyNotNull, resolveAll, type ResolvedForeignKey, type ResolvedJunction, type ResolvedRelationship } from './resolve.ts';
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

/** What is wrong with a name PostgreSQL will store, or undefined. */
function checkName(name: string, what: string): string | undefined {
  if (name.trim() === '') return `${what} has no name; type one`;
  if (name !== name.trim()) return `${what} "${name}" starts or ends with a space; remove it`;
  if (hasControlCharacter(name)) return `${what} "${name}" contains a control character; remove it`;
  if (byteLength(name) > maxIdentifierBytes) return `${what} "${name}" is longer than PostgreSQL's ${maxIdentifierBytes} bytes; shorten it`;
  return undefined;
}

/** Every problem that stops the DDL from being generated or run as drawn (errors), or deserves a look (warnings). */
export function validateSchema(schema: Schema): Problem[] {
  const problems: Problem[] = [];
  for (const table of schema.tables) problems.push(...validateTable(table));
  problems.push(...validateEnums(schema), ...validateNamespaces(schema));
  const resolved = resolveAll(schema);
  for (const r of resolved) {
    const relationshipId = r.relationship.id;
    if (r.kind === 'invalid') {
      problems.push({ severity: 'error', message: `A relationship cannot be built: ${r.reason}`, relationshipId });
    } else if (r.kind === 'manyToMany') {
      problems.push(...validateJunction(r));
    } else {
      problems.push(...validateActions(r, resolved), ...validateKeyTypes(r));
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
  problems.push(...validateColumns(table.columns, `"${table.name}"`).map((p) => ({ ...p, tableId })));
  const checkNames = new Set<string>();
  for (const check of table.checks) {
    const checkProblem = checkSqlFragment(check.expression, 'check') ?? (check.name ? checkName(check.name, `A CHECK of "${table.name}"`) : undefined);
    if (checkProblem) problems.push({ severity: 'error', message: `CHECK ${check.name || ''} on "${table.name}": ${checkProblem}`, tableId });
    if (check.name && checkNames.has(check.name)) problems.push({ severity: 'error', message: `Table "${table.name}" has two CHECKs named "${check.name}"; rename one`, tableId });
    checkNames.add(check.name);
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

/** Names, types and defaults of a list of columns (a table's, or a junction's own). */
function validateColumns(columns: readonly Column[], owner: string): Problem[] {
  const problems: Problem[] = [];
  const names = new Set<string>();
  for (const column of columns) {
    const at = { columnId: column.id };
    if (names.has(column.name)) problems.push({ severity: 'error', message: `${owner} has two columns named "${column.name}"; rename one`, ...at });
    names.add(column.name);
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
  }
  return problems;
}

function validateEnums(schema: Schema): Problem[] {
  const problems: Problem[] = [];
  for (const type of schema.enums) {
    const nameProblem = checkName(type.name, 'An enum type') ?? checkName(type.schemaName, `The schema of enum "${type.name}"`);
    if (nameProblem) problems.push({ severity: 'error', message: nameProblem });
    if (type.values.length === 0) problems.push({ severity: 'error', message: `Enum "${type.name}" has no values; add one` });
    if (new Set(type.values).size !== type.values.length) problems.push({ severity: 'error', message: `Enum "${type.name}" lists a value twice; remove the copy` });
    for (const value of type.values) {
      if (value === '' || byteLength(value) > maxIdentifierBytes || hasControlCharacter(value)) {
        problems.push({ severity: 'error', message: `Enum "${type.name}" has a value that is empty, longer than 63 bytes or holds a line break; fix "${value}"` });
      }
    }
  }
  return problems;
}

const plural: Record<string, string> = { table: 'tables', 'junction table': 'junction tables', index: 'indexes', 'enum type': 'enum types' };

/**
 * PostgreSQL keeps tables, junction tables and indexes in one namespace per schema, and types (enums,
 * and the row type of every table) in another: two objects there may not share a name.
 */
function validateNamespaces(schema: Schema): Problem[] {
  const problems: Problem[] = [];
  const relations = new Map<string, string>();
  const types = new Map<string, string>();
  const claim = (space: Map<string, string>, schemaName: string, name: string, what: string, at: Omit<Problem, "severity" | "message">) => {
    const key = JSON.stringify([schemaName, name]);
    const owner = space.get(key);
    const message = owner === what ? `Two ${plural[what] ?? what} are named "${name}"; rename one` : `The ${what} "${name}" has the same name as the ${owner}; rename one`;
    const isAlreadyReported = space === types && what !== 'enum type' && owner !== 'enum type';
    if (owner && !isAlreadyReported) problems.push({ severity: 'error', message, ...at });
    else space.set(key, what);
  };
  for (const table of schema.tables) {
    claim(relations, table.schemaName, table.name, 'table', { tableId: table.id });
    claim(types, table.schemaName, table.name, 'table', { tableId: table.id });
  }
  for (const table of schema.tables) {
    for (const index of table.indexes) if (index.name) claim(relations, table.schemaName, index.name, 'index', { tableId: table.id });
  }
  for (const j of junctionTables(schema)) {
    claim(relations, j.schemaName, j.name, 'junction table', { relationshipId: j.relationshipId });
    claim(types, j.schemaName, j.name, 'junction table', { relationshipId: j.relationshipId });
  }
  for (const type of schema.enums) claim(types, type.schemaName, type.name, 'enum type', {});
  return problems;
}

function validateJunction(r: ResolvedJunction): Problem[] {
  const relationshipId = r.relationship.id;
  const problems: Problem[] = [];
  const { junction } = r.relationship;
  if (junction.name !== '') {
    const nameProblem = checkName(junction.name, 'The junction table');
    if (nameProblem) problems.push({ severity: 'error', message: nameProblem, relationshipId });
  }
  problems.push(...validateColumns(junction.columns, `the junction of ${r.from.name} and ${r.to.name}`).map((p) => ({ ...p, relationshipId })));
  for (const [clause, action] of [['ON DELETE', r.relationship.onDelete], ['ON UPDATE', r.relationship.onUpdate]] as const) {
    if (action === 'set null' || action === 'set default') {
      problems.push({
        severity: 'error',
        relationshipId,
        message: `${clause} ${action.toUpperCase()} cannot work on a many-to-many: the junction's key columns are its primary key. Choose CASCADE, RESTRICT or NO ACTION`,
      });
    }
  }
  return problems;
}

/** SET NULL and SET DEFAULT must be able to do what they say, or PostgreSQL refuses the delete at run time. */
function validateActions(r: ResolvedForeignKey, resolved: readonly ResolvedRelationship[]): Problem[] {
  const problems: Problem[] = [];
  const relationshipId = r.relationship.id;
  const columns = r.columns.map((c) => c.name).join(', ');
  const primary = r.columns.find((c) => c.isPrimaryKey);
  const mandatory = r.columns.find((c) => isEffectivelyNotNull(c, resolved));
  if (!mandatory) return [];
  const why = primary
    ? `${columns} is part of the primary key of "${r.child.name}"`
    : r.isNotNull
      ? `each ${singular(r.child.name)} belongs to ${describeCount(r.parentEnd, r.parent.name)}, so ${columns} is NOT NULL`
      : `${mandatory.name} is marked NOT NULL`;
  const fix = primary || !r.isNotNull ? `choose another action` : `make the ${r.parent.name} end "zero or one", or choose another action`;
  for (const [clause, action] of [['ON DELETE', r.relationship.onDelete], ['ON UPDATE', r.relationship.onUpdate]] as const) {
    if (action === 'set null') {
      problems.push({ severity: 'error', relationshipId, message: `${clause} SET NULL cannot work: ${why}. ${capitalize(fix)}` });
    }
    if (action === 'set default' && r.columns.some((c) => c.defaultValue === null)) {
      problems.push({
        severity: 'error',
        relationshipId,
        message: `${clause} SET DEFAULT cannot work: ${columns} has no default and may not be NULL. Give ${columns} a default, or choose another action`,
      });
    }
  }
  return problems;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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
