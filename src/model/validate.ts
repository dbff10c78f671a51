import type { ColumnId, RelationshipId, TableId } from './ids.ts';
import type { Column, Schema, Table } from './schema.ts';
import { describeCount } from './describe.ts';
import { junctionTables } from './junction.ts';
import { primaryKeyOf } from './lookup.ts';
import { byteLength, maxIdentifierBytes, singular } from './naming.ts';
import { isEffectivelyNotNull, resolveAll, type ResolvedForeignKey, type ResolvedJunction, type ResolvedRelationship } from './resolve.ts';
import { checkSqlFragment, hiddenCharacterProblem, visibleText } from './sqlFragments.ts';
import { checkSqlObject } from './sqlObjectCheck.ts';
import { typeFamily } from './typeFamily.ts';
import { isUniqueColumnSet } from './uniqueKeys.ts';

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
  const hidden = hiddenCharacterProblem(name);
  if (hidden) return `${what} "${visibleText(name)}" contains ${hidden}; remove it`;
  if (byteLength(name) > maxIdentifierBytes) return `${what} "${name}" is longer than PostgreSQL's ${maxIdentifierBytes} bytes; shorten it`;
  return undefined;
}

/** Every problem that stops the DDL from being generated or run as drawn (errors), or deserves a look (warnings). */
export function validateSchema(schema: Schema): Problem[] {
  const problems: Problem[] = [];
  for (const table of schema.tables) problems.push(...tableProblems(table));
  problems.push(...validateEnums(schema), ...validateNamespaces(schema), ...validateConstraintNames(schema), ...validateSqlObjects(schema));
  const resolved = resolveAll(schema);
  for (const r of resolved) {
    const relationshipId = r.relationship.id;
    if (r.kind === 'invalid') {
      problems.push({ severity: 'error', message: `A relationship cannot be built: ${r.reason}`, relationshipId });
    } else if (r.kind === 'manyToMany') {
      problems.push(...validateJunction(r));
    } else {
      problems.push(...validateActions(r, resolved), ...validateKeyTypes(r), ...validateReferencedKey(r, resolved));
    }
  }
  return problems;
}

/** Each table's own problems, kept while the Table object lives: after an edit, only the edited table is checked again. */
const checkedTables = new WeakMap<Table, Problem[]>();

function tableProblems(table: Table): Problem[] {
  let problems = checkedTables.get(table);
  if (!problems) checkedTables.set(table, (problems = validateTable(table)));
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
    const checkProblem =
      checkSqlFragment(check.expression, 'check') ?? (check.name ? checkName(check.name, `A CHECK of "${table.name}"`) : undefined);
    if (checkProblem)
      problems.push({ severity: 'error', message: `CHECK ${check.name || ''} on "${table.name}": ${checkProblem}`, tableId });
    if (check.name && checkNames.has(check.name))
      problems.push({ severity: 'error', message: `Table "${table.name}" has two CHECKs named "${check.name}"; rename one`, tableId });
    checkNames.add(check.name);
  }
  for (const index of table.indexes) {
    const indexProblem = index.name ? checkName(index.name, `An index of "${table.name}"`) : undefined;
    if (indexProblem) problems.push({ severity: 'error', message: indexProblem, tableId });
    if (index.columnIds.length === 0 || index.columnIds.some((id) => !table.columns.some((c) => c.id === id))) {
      problems.push({
        severity: 'error',
        message: `An index of "${table.name}" names a column the table does not have; pick its columns again`,
        tableId,
      });
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
    if (names.has(column.name))
      problems.push({ severity: 'error', message: `${owner} has two columns named "${column.name}"; rename one`, ...at });
    names.add(column.name);
    const columnProblem = checkName(column.name, `A column of ${owner}`);
    if (columnProblem) problems.push({ severity: 'error', message: columnProblem, ...at });
    const where = `Column ${owner}.${column.name}`;
    for (const [part, name] of [
      ['collation', column.collation],
      ['collation schema', column.collationSchema],
    ] as const) {
      const collationProblem = name === undefined ? undefined : checkName(name, `The ${part} of ${where}`);
      if (collationProblem) problems.push({ severity: 'error', message: collationProblem, ...at });
    }
    const typeProblem = checkSqlFragment(column.type, 'type');
    if (typeProblem) problems.push({ severity: 'error', message: `${where}: ${typeProblem}`, ...at });
    if (column.defaultValue !== null) {
      const defaultProblem = checkSqlFragment(column.defaultValue, 'default');
      if (defaultProblem) problems.push({ severity: 'error', message: `${where}: ${defaultProblem}`, ...at });
      if (column.identity)
        problems.push({ severity: 'error', message: `${where} is an identity column and has a default; remove one of them`, ...at });
    }
    problems.push(...validateGenerated(column, where).map((message) => ({ severity: 'error' as const, message, ...at })));
    if (column.identity && !/^(smallint|integer|int|bigint|int2|int4|int8)$/i.test(column.type.trim())) {
      problems.push({
        severity: 'error',
        message: `${where}: an identity column must be smallint, integer or bigint, not ${column.type}`,
        ...at,
      });
    }
  }
  return problems;
}

const bigintText = /^-?\d{1,19}$/;

/** A generated column's expression through PostgreSQL's parser, and identity options as whole numbers PostgreSQL accepts. */
function validateGenerated(column: Column, where: string): string[] {
  const problems: string[] = [];
  if (column.generated) {
    const expressionProblem = checkSqlFragment(column.generated.expression, 'generated');
    if (expressionProblem) problems.push(`${where}: ${expressionProblem}`);
    if (column.identity) problems.push(`${where} is both generated and an identity column; remove one of them`);
    if (column.defaultValue !== null) problems.push(`${where} is generated and has a default; remove the default`);
  }
  const options = column.identityOptions;
  if (options) {
    if (!column.identity) problems.push(`${where} has identity options but is not an identity column; make it one or clear them`);
    for (const [option, value] of Object.entries(options)) {
      if (option !== 'cycle' && !(typeof value === 'string' && bigintText.test(value)))
        problems.push(`${where}: the identity option ${option} must be a whole number, not "${String(value)}"`);
    }
    if (options.increment !== undefined && /^-?0+$/.test(options.increment))
      problems.push(`${where}: the identity's increment cannot be zero`);
  }
  return problems;
}

/**
 * Kept names (as the database had them) must still be names PostgreSQL takes, and constraint names
 * unique per table: a foreign key, CHECK, primary key and UNIQUE share one namespace there.
 */
function validateConstraintNames(schema: Schema): Problem[] {
  const problems: Problem[] = [];
  const perTable = new Map<string, Set<string>>(schema.tables.map((t) => [t.id, new Set()]));
  const claim = (table: Table | undefined, name: string | undefined, what: string, at: Omit<Problem, 'severity' | 'message'>) => {
    if (!table || name === undefined || name === '') return;
    const nameProblem = checkName(name, `The ${what} of "${table.name}"`);
    if (nameProblem) problems.push({ severity: 'error', message: nameProblem, ...at });
    const names = perTable.get(table.id)!;
    if (names.has(name))
      problems.push({ severity: 'error', message: `Table "${table.name}" has two constraints named "${name}"; rename one`, ...at });
    names.add(name);
  };
  for (const table of schema.tables) {
    claim(table, table.primaryKeyName, 'primary key', { tableId: table.id });
    for (const c of table.columns)
      if (c.isUnique) claim(table, c.uniqueConstraintName, 'UNIQUE constraint', { tableId: table.id, columnId: c.id });
    for (const check of table.checks) claim(table, check.name, 'CHECK', { tableId: table.id });
    for (const index of table.indexes) if (index.isConstraint) claim(table, index.name, 'UNIQUE constraint', { tableId: table.id });
  }
  for (const r of resolveAll(schema)) {
    if (r.kind === 'invalid' || r.kind === 'manyToMany') continue;
    claim(r.child, r.relationship.constraintName, 'foreign key', { relationshipId: r.relationship.id });
    if (r.isUnique) claim(r.child, r.relationship.uniqueConstraintName, 'UNIQUE constraint', { relationshipId: r.relationship.id });
  }
  return problems;
}

function validateEnums(schema: Schema): Problem[] {
  const problems: Problem[] = [];
  for (const type of schema.enums) {
    const nameProblem = checkName(type.name, 'An enum type') ?? checkName(type.schemaName, `The schema of enum "${type.name}"`);
    if (nameProblem) problems.push({ severity: 'error', message: nameProblem });
    if (type.values.length === 0) problems.push({ severity: 'error', message: `Enum "${type.name}" has no values; add one` });
    if (new Set(type.values).size !== type.values.length)
      problems.push({ severity: 'error', message: `Enum "${type.name}" lists a value twice; remove the copy` });
    for (const value of type.values) {
      const hidden = hiddenCharacterProblem(value);
      if (value === '' || byteLength(value) > maxIdentifierBytes || hidden) {
        const why = hidden ? `contains ${hidden}` : 'is empty or longer than 63 bytes';
        problems.push({ severity: 'error', message: `Enum "${type.name}" has a value that ${why}; fix ${JSON.stringify(value)}` });
      }
    }
  }
  return problems;
}

/** Kept SQL objects are run by the DDL and the proofs: each must be one statement of its own kind. */
function validateSqlObjects(schema: Schema): Problem[] {
  return (schema.sqlObjects ?? []).flatMap((object): Problem[] => {
    const hidden = hiddenCharacterProblem(object.name);
    const problem = hidden ? `has a name that contains ${hidden}` : checkSqlObject(object);
    return problem
      ? [
          {
            severity: 'error',
            message: `The kept ${object.kind} ${JSON.stringify(object.name)} ${problem}; remove it from the document or fix its SQL`,
          },
        ]
      : [];
  });
}

const plural: Record<string, string> = {
  table: 'tables',
  'junction table': 'junction tables',
  index: 'indexes',
  'enum type': 'enum types',
};

/**
 * PostgreSQL keeps tables, junction tables and indexes in one namespace per schema, and types (enums,
 * and the row type of every table) in another: two objects there may not share a name.
 */
function validateNamespaces(schema: Schema): Problem[] {
  const problems: Problem[] = [];
  const relations = new Map<string, string>();
  const types = new Map<string, string>();
  const claim = (space: Map<string, string>, schemaName: string, name: string, what: string, at: Omit<Problem, 'severity' | 'message'>) => {
    const key = `${schemaName.length}:${schemaName}.${name}`;
    const owner = space.get(key);
    if (!owner) {
      space.set(key, what);
      return;
    }
    const message =
      owner === what
        ? `Two ${plural[what] ?? what} are named "${name}"; rename one`
        : `The ${what} "${name}" has the same name as the ${owner}; rename one`;
    const isAlreadyReported = space === types && what !== 'enum type' && owner !== 'enum type';
    if (!isAlreadyReported) problems.push({ severity: 'error', message, ...at });
    else space.set(key, what);
  };
  for (const table of schema.tables) {
    claim(relations, table.schemaName, table.name, 'table', { tableId: table.id });
    claim(types, table.schemaName, table.name, 'table', { tableId: table.id });
  }
  for (const table of schema.tables) {
    for (const index of table.indexes) if (index.name) claim(relations, table.schemaName, index.name, 'index', { tableId: table.id });
    // A primary key or UNIQUE constraint is backed by an index of the same name.
    if (table.primaryKeyName) claim(relations, table.schemaName, table.primaryKeyName, 'index', { tableId: table.id });
    for (const c of table.columns)
      if (c.isUnique && c.uniqueConstraintName)
        claim(relations, table.schemaName, c.uniqueConstraintName, 'index', { tableId: table.id, columnId: c.id });
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
  problems.push(
    ...validateColumns(junction.columns, `the junction of ${r.from.name} and ${r.to.name}`).map((p) => ({ ...p, relationshipId })),
  );
  for (const [clause, action] of [
    ['ON DELETE', r.relationship.onDelete],
    ['ON UPDATE', r.relationship.onUpdate],
  ] as const) {
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
  const setsColumns = (a: string) => a === 'set null' || a === 'set default';
  if (!setsColumns(r.relationship.onDelete) && !setsColumns(r.relationship.onUpdate)) return [];
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
  for (const [clause, action] of [
    ['ON DELETE', r.relationship.onDelete],
    ['ON UPDATE', r.relationship.onUpdate],
  ] as const) {
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

/** An alternate key must be the parent's primary key or a UNIQUE set, or PostgreSQL refuses the foreign key (42830). */
function validateReferencedKey(r: ResolvedForeignKey, resolved: readonly ResolvedRelationship[]): Problem[] {
  if (
    !r.relationship.referencedColumnIds ||
    isUniqueColumnSet(
      r.parent,
      r.parentColumns.map((c) => c.id),
      resolved,
    )
  )
    return [];
  const columns = r.parentColumns.map((c) => c.name).join(', ');
  return [
    {
      severity: 'error',
      relationshipId: r.relationship.id,
      tableId: r.parent.id,
      message: `The foreign key of "${r.child.name}" refers to (${columns}) of "${r.parent.name}", which is neither its primary key nor UNIQUE; mark ${r.parentColumns.length === 1 ? `${columns} UNIQUE` : `(${columns}) with a unique index`}, or refer to the primary key`,
    },
  ];
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
