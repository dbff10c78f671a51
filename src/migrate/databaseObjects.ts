import {
  isEffectivelyNotNull,
  junctionTables,
  primaryKeyOf,
  resolveAll,
  type Column,
  type GeneratedColumn,
  type IdentityOptions,
  type Problem,
  type ResolvedForeignKey,
  type Schema,
} from '../model/index.ts';
import { defaultDdlOptions, generateDdl, qualifiedName, quoteIdent, type DdlOptions, type Statement } from '../ddl/index.ts';
import { columnDefinition } from '../ddl/tableStatements.ts';
import { constraintLines, createdIndex, triggerParts } from './statementText.ts';

/** A column as the generator makes it, keyed by its id (a junction's key columns by relationship, side and referenced column). */
export interface DbColumn {
  key: string;
  name: string;
  /** The type as written, for ALTER COLUMN ... TYPE. */
  type: string;
  /** What the type means, comparable across renames: `enum:<id>` (with `[]` for arrays) or the type text in lower case. */
  typeKey: string;
  /** `COLLATE ...` text, or '' for the type's default. */
  collation: string;
  /** NOT NULL as the catalog has it: primary-key and identity columns are NOT NULL too. */
  notNull: boolean;
  defaultValue: string | null;
  identity: Column['identity'];
  identityOptions?: IdentityOptions;
  generated?: GeneratedColumn;
  comment: string;
  /** The column's definition for ADD COLUMN, with and without its NOT NULL. */
  definition: string;
  nullableDefinition: string;
}

/** A table or a junction table, keyed by table id or `junction:<relationship id>`. */
export interface DbTable {
  key: string;
  schemaName: string;
  name: string;
  comment: string;
  columns: DbColumn[];
  /** The generator's CREATE TABLE, with its primary key, UNIQUE columns and CHECKs inline. */
  createSql: string;
}

/** A constraint or index on one table, keyed stably (what it implements), named as the generator names it. */
export interface DbConstraint {
  key: string;
  tableKey: string;
  kind: 'primaryKey' | 'unique' | 'check' | 'foreignKey' | 'index' | 'uniqueIndex';
  name: string;
  /** Column keys, in key order. */
  columns: string[];
  expression?: string;
  references?: { tableKey: string; columns: string[] };
  /** ON DELETE / ON UPDATE / DEFERRABLE / NOT VALID, as one comparable text. */
  clauses?: string;
  /** Made by the table's CREATE TABLE; `definition` is what follows `CONSTRAINT name`. */
  inline: boolean;
  definition?: string;
  /** The generator's own statement for constraints made apart from CREATE TABLE. */
  sql?: string;
  /** The relationship it implements, if any. */
  relationshipId?: string;
}

/** A mandatory-child constraint trigger and its function, keyed by its relationship and name (a name can pass to another relationship). */
export interface DbTrigger {
  key: string;
  name: string;
  relationshipId: string;
  /** The table the trigger is on, and the function, as SQL references (for DROP). */
  tableRef: string;
  functionRef: string;
  functionSql: string;
  triggerSql: string;
}

/** An enum type with its labels in order. */
export interface DbEnum {
  key: string;
  schemaName: string;
  name: string;
  values: string[];
  createSql: string;
}

/** Everything the generator makes for a schema, keyed so that two versions of a document line up by id. */
export interface DatabaseObjects {
  tables: Map<string, DbTable>;
  constraints: Map<string, DbConstraint>;
  triggers: Map<string, DbTrigger>;
  enums: Map<string, DbEnum>;
  /** Schemas other than public that the DDL creates. */
  schemaNames: string[];
  problems: Problem[];
}

const options: DdlOptions = { ...defaultDdlOptions, includeSqlObjects: false };

/** The key of a junction table, which has no table id of its own. */
export function junctionKey(relationshipId: string): string {
  return `junction:${relationshipId}`;
}

/** Flattens a schema into the database objects its DDL creates, with the generator's own names. */
export function databaseObjects(schema: Schema): DatabaseObjects {
  const { statements, problems } = generateDdl(schema, options);
  const objects: DatabaseObjects = {
    tables: new Map(),
    constraints: new Map(),
    triggers: new Map(),
    enums: new Map(),
    schemaNames: [],
    problems,
  };
  if (problems.some((p) => p.severity === 'error')) return objects;
  const resolved = resolveAll(schema);
  const typeKey = enumTypeKeys(schema);
  const dbColumn = (c: Column, key: string, notNull: boolean, definitionOf = columnDefinition): DbColumn => ({
    key,
    name: c.name,
    type: c.type,
    typeKey: typeKey(c.type),
    collation: c.collation ? `${c.collationSchema ?? 'pg_catalog'}.${c.collation}` : '',
    notNull: notNull || c.isPrimaryKey || c.identity !== null,
    defaultValue: c.defaultValue,
    identity: c.identity,
    identityOptions: c.identityOptions,
    generated: c.generated,
    comment: c.comment,
    definition: definitionOf(c, notNull),
    nullableDefinition: definitionOf(c, false),
  });
  const byKind = (kind: Statement['kind']) => statements.filter((s) => s.kind === kind);

  for (const s of byKind('createSchema')) objects.schemaNames.push(s.sql.replace(/^CREATE SCHEMA /, '').replace(/;$/, ''));
  for (const e of schema.enums) {
    const createSql = byKind('createType').find((s) => s.sql.includes(` ${qualifiedName(e.schemaName, e.name, options)} AS ENUM`))!.sql;
    objects.enums.set(e.id, { key: e.id, schemaName: e.schemaName, name: e.name, values: e.values, createSql });
  }

  for (const table of schema.tables) {
    const createSql = byKind('createTable').find((s) => s.tableId === table.id)!.sql;
    const columns = table.columns.map((c) => dbColumn(c, c.id, isEffectivelyNotNull(c, resolved)));
    objects.tables.set(table.id, {
      key: table.id,
      schemaName: table.schemaName,
      name: table.name,
      comment: table.comment,
      columns,
      createSql,
    });
    // CREATE TABLE lists its primary key, then UNIQUE columns, UNIQUE constraints and CHECKs, in this order.
    const key = primaryKeyOf(table);
    const inlineKeys: Omit<DbConstraint, 'name' | 'inline' | 'tableKey'>[] = [];
    if (key.length > 0) inlineKeys.push({ key: `primaryKey:${table.id}`, kind: 'primaryKey', columns: key.map((c) => c.id) });
    for (const c of table.columns)
      if (c.isUnique && !(c.isPrimaryKey && key.length === 1)) inlineKeys.push({ key: `unique:${c.id}`, kind: 'unique', columns: [c.id] });
    for (const i of table.indexes)
      if (i.isConstraint && i.isUnique) inlineKeys.push({ key: `index:${i.id}`, kind: 'unique', columns: i.columnIds });
    for (const c of table.checks)
      inlineKeys.push({
        key: `check:${c.id}`,
        kind: 'check',
        columns: [],
        expression: c.expression,
        definition: `CHECK (${c.expression})`,
      });
    constraintLines(createSql).forEach((line, n) => {
      const made = inlineKeys[n]!;
      objects.constraints.set(made.key, { definition: line.definition, ...made, tableKey: table.id, name: line.name, inline: true });
    });
    const indexStatements = statements.filter((s) => s.kind === 'createIndex' && s.tableId === table.id);
    const remaining = table.indexes.filter((i) => !(i.isConstraint && i.isUnique));
    for (const s of indexStatements) {
      const made = createdIndex(s.sql);
      const columnNames = (ids: string[]) => ids.map((id) => table.columns.find((c) => c.id === id)!.name).join('\u0000');
      const index = remaining.find((i) => i.isUnique === made.isUnique && columnNames(i.columnIds) === made.columns.join('\u0000'))!;
      remaining.splice(remaining.indexOf(index), 1);
      objects.constraints.set(`index:${index.id}`, {
        key: `index:${index.id}`,
        tableKey: table.id,
        kind: index.isUnique ? 'uniqueIndex' : 'index',
        name: made.name,
        columns: index.columnIds,
        inline: false,
        sql: s.sql,
      });
    }
  }

  for (const j of junctionTables(schema)) {
    const tableKey = junctionKey(j.relationshipId);
    const createSql = byKind('createJunctionTable').find((s) => s.relationshipId === j.relationshipId)!.sql;
    const sides = [
      { side: 'from', columns: j.fromColumns, parent: j.resolved.from },
      { side: 'to', columns: j.toColumns, parent: j.resolved.to },
    ];
    const keyColumns = sides.flatMap(({ side, columns }) =>
      columns.map((k): DbColumn => {
        const definition = `${quoteIdent(k.name)} ${k.type} NOT NULL`;
        const typeText = typeKey(k.type);
        return {
          key: `${tableKey}:${side}:${k.references.id}`,
          name: k.name,
          type: k.type,
          typeKey: typeText,
          collation: '',
          notNull: true,
          defaultValue: null,
          identity: null,
          comment: '',
          definition,
          nullableDefinition: definition,
        };
      }),
    );
    const extra = j.extraColumns.map((c) => dbColumn({ ...c, isPrimaryKey: false }, c.id, c.isNotNull));
    objects.tables.set(tableKey, {
      key: tableKey,
      schemaName: j.schemaName,
      name: j.name,
      comment: '',
      columns: [...keyColumns, ...extra],
      createSql,
    });
    const pk = constraintLines(createSql)[0]!;
    objects.constraints.set(`primaryKey:${tableKey}`, {
      key: `primaryKey:${tableKey}`,
      tableKey,
      kind: 'primaryKey',
      name: pk.name,
      columns: keyColumns.map((c) => c.key),
      inline: true,
      definition: pk.definition,
    });
    const foreignKeys = statements.filter((s) => s.kind === 'addForeignKey' && s.relationshipId === j.relationshipId);
    sides.forEach(({ side, columns, parent }, n) => {
      const key = `foreignKey:${j.relationshipId}:${side}`;
      objects.constraints.set(key, {
        key,
        tableKey,
        kind: 'foreignKey',
        name: foreignKeys[n]!.constraintName!,
        columns: columns.map((k) => `${tableKey}:${side}:${k.references.id}`),
        references: { tableKey: parent.id, columns: columns.map((k) => k.references.id) },
        clauses: clausesOf(j.resolved.relationship),
        inline: false,
        relationshipId: j.relationshipId,
        sql: foreignKeys[n]!.sql,
      });
    });
  }

  for (const r of resolved) {
    if (r.kind !== 'oneToOne' && r.kind !== 'oneToMany') continue;
    for (const s of statements.filter((s) => s.relationshipId === r.relationship.id)) {
      if (s.kind === 'addUnique') objects.constraints.set(`unique:${r.relationship.id}`, relationshipConstraint(r, s, 'unique'));
      if (s.kind === 'addForeignKey')
        objects.constraints.set(`foreignKey:${r.relationship.id}`, relationshipConstraint(r, s, 'foreignKey'));
    }
  }

  const functions = byKind('createFunction');
  for (const s of byKind('createTrigger')) {
    const parts = triggerParts(s.sql);
    const functionSql = functions.find((f) => f.sql.startsWith(`CREATE FUNCTION ${parts.functionRef}()`))!.sql;
    const name = s.constraintName!;
    objects.triggers.set(`${s.relationshipId}:${name}`, {
      key: `${s.relationshipId}:${name}`,
      name,
      relationshipId: s.relationshipId!,
      ...parts,
      functionSql,
      triggerSql: s.sql,
    });
  }
  return objects;
}

/** A 1:N or 1:1's UNIQUE or foreign key, from the generator's statement. */
function relationshipConstraint(r: ResolvedForeignKey, s: Statement, kind: 'unique' | 'foreignKey'): DbConstraint {
  const common = {
    key: `${kind}:${r.relationship.id}`,
    tableKey: r.child.id,
    name: s.constraintName!,
    columns: r.columns.map((c) => c.id),
    relationshipId: r.relationship.id,
  };
  if (kind === 'unique') return { ...common, kind, inline: false, sql: s.sql };
  return {
    ...common,
    kind,
    references: { tableKey: r.parent.id, columns: r.parentColumns.map((c) => c.id) },
    clauses: clausesOf(r.relationship),
    inline: false,
    sql: s.sql,
  };
}

/** A foreign key's actions and deferral as comparable text. */
function clausesOf(r: ResolvedForeignKey['relationship']): string {
  return [r.onDelete, r.onUpdate, r.isDeferrable ? 'deferrable' : '', r.isNotValid ? 'not valid' : ''].join('|');
}

/** Reads a column's type as `enum:<id>` when it names one of the schema's enums, so renaming the enum is not a type change. */
function enumTypeKeys(schema: Schema): (type: string) => string {
  const byName = new Map<string, string>();
  for (const e of schema.enums) {
    const names = [e.name, qualifiedName(e.schemaName, e.name, options), `${e.schemaName}.${e.name}`];
    if (e.schemaName === 'public') names.push(`public.${e.name}`);
    for (const n of names) byName.set(n, e.id);
  }
  return (type) => {
    const text = type.trim();
    const array = text.endsWith('[]');
    const base = array ? text.slice(0, -2).trim() : text;
    const id = byName.get(base);
    return id ? `enum:${id}${array ? '[]' : ''}` : text.toLowerCase().replace(/\s+/g, ' ');
  };
}
