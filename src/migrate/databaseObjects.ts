import { isEffectivelyNotNull, junctionTables, memoize, resolveAll, type Column, type Schema } from '../model/index.ts';
import { ddlStatements, defaultDdlOptions, qualifiedName, sqlObjectPlacement, type DdlOptions, type Statement } from '../ddl/index.ts';
import { columnDefinition } from '../ddl/tableStatements.ts';
import { triggerParts } from './statementText.ts';
import { tableObjects, type TableObjectsMemo } from './tableObjects.ts';
import type { DatabaseObjects, DbColumn } from './databaseObjectTypes.ts';
import { addJunction, relationshipConstraint } from './relationshipObjects.ts';
import { columnObject } from './objectShapes.ts';

export type * from './databaseObjectTypes.ts';

const options: DdlOptions = { ...defaultDdlOptions, includeSqlObjects: false };

export { junctionKey } from './relationshipObjects.ts';

/** Each table's objects, kept while its Table object lives (the undo history and the versions hold the same objects). */
const tableMemo: TableObjectsMemo = new WeakMap();

/**
 * Flattens a schema into the database objects its DDL creates, with the generator's own names (once per
 * schema: the base version's stay while the user edits; after an edit, only the tables whose objects
 * could differ are read again).
 */
export const databaseObjects = memoize(objectsOf);

function objectsOf(schema: Schema): DatabaseObjects {
  const { statements, problems } = ddlStatements(schema, options);
  const objects: DatabaseObjects = {
    tables: new Map(),
    constraints: new Map(),
    triggers: new Map(),
    enums: new Map(),
    keptViews: (schema.sqlObjects ?? []).filter((o) => o.kind === 'view' || o.kind === 'materializedView' || o.kind === 'index'),
    keptBeforeTables: (schema.sqlObjects ?? []).filter((o) => sqlObjectPlacement[o.kind].phase === 'beforeTables'),
    keptRoutines: (schema.sqlObjects ?? []).filter((o) => o.kind === 'function' || o.kind === 'aggregate'),
    keptTriggers: (schema.sqlObjects ?? []).filter((o) => o.kind === 'trigger'),
    keptConstraints: (schema.sqlObjects ?? []).filter((o) => o.kind === 'constraint'),
    schemaNames: [],
    problems,
  };
  if (problems.some((p) => p.severity === 'error')) return objects;
  const resolved = resolveAll(schema);
  const typeKey = enumTypeKeys(schema);
  const dbColumn = (c: Column, key: string, notNull: boolean): DbColumn =>
    columnObject(
      {
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
      },
      (withNotNull) => columnDefinition(c, withNotNull && notNull),
    );
  const byKind = groupBy(statements, (s) => s.kind);
  const ofKind = (kind: Statement['kind']) => byKind.get(kind) ?? [];
  const byTable = groupBy(statements, (s) => s.tableId);
  const byRelationship = groupBy(statements, (s) => s.relationshipId);

  for (const s of ofKind('createSchema')) objects.schemaNames.push(s.sql.replace(/^CREATE SCHEMA /, '').replace(/;$/, ''));
  for (const e of schema.enums) {
    const createSql = ofKind('createType').find((s) => s.sql.includes(` ${qualifiedName(e.schemaName, e.name, options)} AS ENUM`))!.sql;
    objects.enums.set(e.id, { key: e.id, schemaName: e.schemaName, name: e.name, values: e.values, createSql });
  }

  const enumNames = schema.enums.map((e) => `${e.id}\u0001${e.schemaName}\u0001${e.name}`).join('\u0002');
  for (const table of schema.tables) {
    const ofTable = byTable.get(table.id) ?? [];
    const inputs = {
      createSql: ofTable.find((s) => s.kind === 'createTable')!.sql,
      indexStatements: ofTable.filter((s) => s.kind === 'createIndex'),
      notNulls: table.columns.map((c) => (isEffectivelyNotNull(c, resolved) ? '1' : '0')).join(''),
      enumNames,
    };
    const made = tableObjects(table, inputs, dbColumn, tableMemo);
    objects.tables.set(table.id, made.table);
    for (const c of made.constraints) objects.constraints.set(c.key, c);
  }

  for (const j of junctionTables(schema)) addJunction(objects, j, byRelationship.get(j.relationshipId) ?? [], dbColumn, typeKey);

  for (const r of resolved) {
    if (r.kind !== 'oneToOne' && r.kind !== 'oneToMany') continue;
    for (const s of byRelationship.get(r.relationship.id) ?? []) {
      if (s.kind === 'addUnique') objects.constraints.set(`unique:${r.relationship.id}`, relationshipConstraint(r, s));
      if (s.kind === 'addForeignKey') objects.constraints.set(`foreignKey:${r.relationship.id}`, relationshipConstraint(r, s));
    }
  }

  for (const s of ofKind('createTrigger')) {
    const parts = triggerParts(s.sql);
    const functions = (byRelationship.get(s.relationshipId!) ?? []).filter((f) => f.kind === 'createFunction');
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

/** Groups items by a key, keeping their order; items whose key is undefined are left out. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Reads a column's type as `enum:<id>` when it names one of the schema's enums, so renaming the enum is not a type change. */
function enumTypeKeys(schema: Schema): (type: string) => string {
  const byName = new Map<string, string>();
  for (const e of schema.enums) {
    const names = [e.name, qualifiedName(e.schemaName, e.name, options), `${e.schemaName}.${e.name}`];
    if (e.schemaName === 'public') names.push(`public.${e.name}`);
    for (const n of names) byName.set(n, e.id);
  }
  const keys = new Map<string, string>();
  return (type) => {
    const known = keys.get(type);
    if (known !== undefined) return known;
    const text = type.trim();
    const array = text.endsWith('[]');
    const base = array ? text.slice(0, -2).trim() : text;
    const id = byName.get(base);
    const key = id ? `enum:${id}${array ? '[]' : ''}` : canonicalType(text);
    keys.set(type, key);
    return key;
  };
}

/** PostgreSQL's own spelling of common aliases, so `int` -> `integer` is no type change. */
const typeAliases: Record<string, string> = {
  int: 'integer',
  int4: 'integer',
  int2: 'smallint',
  int8: 'bigint',
  bool: 'boolean',
  float4: 'real',
  float8: 'double precision',
  float: 'double precision',
  decimal: 'numeric',
  timestamptz: 'timestamp with time zone',
  timestamp: 'timestamp without time zone',
  timetz: 'time with time zone',
  time: 'time without time zone',
  varchar: 'character varying',
  char: 'character',
};

/** A type's text in lower case with one space between words and its leading alias spelled out (`varchar(5)` -> `character varying(5)`). */
function canonicalType(text: string): string {
  const spaced = text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),[\]])\s*/g, '$1');
  const match = /^([a-z0-9]+)(.*)$/.exec(spaced);
  if (!match) return spaced;
  const alias = typeAliases[match[1]!];
  return alias && !(match[2] ?? '').startsWith(' ') ? `${alias}${match[2]}` : spaced;
}
