import type { SqlRunner } from '../model/index.ts';
import { quoteLiteral } from '../ddl/index.ts';

/** A column as the catalog has it; what a migration must reach, whatever order the columns are in. */
export interface ColumnSnapshot {
  /** `format_type`, as the session's search_path writes it. */
  type: string;
  notNull: boolean;
  /** `pg_get_expr` of the default; null for none (and for a generated column, whose expression is below). */
  defaultValue: string | null;
  identity: 'always' | 'by default' | null;
  /** A stored generated column's expression. */
  generated: string | null;
  /** A collation other than the type's own, by name. */
  collation: string | null;
  comment: string | null;
}

/** A primary key, UNIQUE, FOREIGN KEY, CHECK or EXCLUDE constraint. */
export interface ConstraintSnapshot {
  /** `pg_get_constraintdef` without the deferral and validity words, which are the fields below. */
  definition: string;
  deferrable: boolean;
  deferred: boolean;
  validated: boolean;
  comment: string | null;
}

/** A table with everything hanging on it, each by name. */
export interface TableSnapshot {
  comment: string | null;
  columns: Record<string, ColumnSnapshot>;
  /** Column names by position: compared only when asked (an added column lands last, wherever the design has it). */
  columnOrder: string[];
  constraints: Record<string, ConstraintSnapshot>;
  /** Indexes that back no constraint: `pg_get_indexdef` from `USING` on (`UNIQUE USING btree (title)`), with their comments. */
  indexes: Record<string, { definition: string; comment: string | null }>;
  /** User triggers (not the ones PostgreSQL makes for foreign keys): `pg_get_triggerdef`. */
  triggers: Record<string, string>;
}

/**
 * A database's user schemas as plain data a test or a proof can compare: what a migration has to
 * reach, without the oids, ordering and internal objects that differ between two builds of the same DDL.
 */
export interface CatalogSnapshot {
  /** By `schema.table`. */
  tables: Record<string, TableSnapshot>;
  /** Enum labels in order, by `schema.type`. */
  enums: Record<string, { labels: string[]; comment: string | null }>;
  /** Views and materialized views, by `schema.view`. */
  views: Record<string, { kind: 'view' | 'materialized view'; definition: string; comment: string | null }>;
  /** Functions and procedures, by `schema.name(argument types)`: `pg_get_functiondef`. */
  functions: Record<string, { definition: string; comment: string | null }>;
  /** Domains, by `schema.name`: base type, default, NOT NULL and CHECKs as one text. */
  domains: Record<string, string>;
}

const systemSchemas = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'`;

function notInExtension(oid: string, catalog: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
}

/**
 * Reads the user schemas (or only `schemaNames`) of a database, PGlite or PostgreSQL 15+, into a
 * `CatalogSnapshot`. Definitions are written by PostgreSQL relative to the session's search_path, so
 * two snapshots compare when taken under the same one.
 */
export async function snapshotCatalog(runner: SqlRunner, schemaNames?: readonly string[]): Promise<CatalogSnapshot> {
  const inSchemas = (column: string) =>
    schemaNames === undefined ? systemSchemas : `${column} IN (${schemaNames.length ? schemaNames.map(quoteLiteral).join(', ') : 'NULL'})`;
  const rows = async <T>(sql: string): Promise<T[]> => (await runner.query(sql)).rows as T[];
  const relation = `c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace`;
  const ownTables = `c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence <> 't' AND ${inSchemas('n.nspname')} AND ${notInExtension('c.oid', 'pg_class')}`;

  const tableRows = await rows<{ key: string; comment: string | null }>(
    `SELECT n.nspname || '.' || c.relname AS key, obj_description(c.oid, 'pg_class') AS comment
     FROM pg_catalog.pg_class ${relation} WHERE ${ownTables}`,
  );
  const tables: Record<string, TableSnapshot> = {};
  for (const t of tableRows)
    tables[t.key] = { comment: t.comment, columns: {}, columnOrder: [], constraints: {}, indexes: {}, triggers: {} };

  const columns = await rows<ColumnSnapshot & { key: string; name: string }>(
    `SELECT n.nspname || '.' || c.relname AS key, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull",
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS "defaultValue",
       CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END AS identity,
       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS generated,
       (SELECT co.collname FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_type ct ON ct.oid = a.atttypid
        WHERE co.oid = a.attcollation AND a.attcollation <> ct.typcollation) AS collation,
       col_description(a.attrelid, a.attnum) AS comment
     FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class ${relation} ON c.oid = a.attrelid
       LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
     WHERE ${ownTables} AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY a.attrelid, a.attnum`,
  );
  for (const { key, name, ...column } of columns) {
    tables[key]!.columns[name] = column;
    tables[key]!.columnOrder.push(name);
  }

  const constraints = await rows<{ key: string; name: string; definition: string } & Omit<ConstraintSnapshot, 'definition'>>(
    `SELECT n.nspname || '.' || c.relname AS key, k.conname AS name, pg_get_constraintdef(k.oid) AS definition,
       k.condeferrable AS deferrable, k.condeferred AS deferred, k.convalidated AS validated, obj_description(k.oid, 'pg_constraint') AS comment
     FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class ${relation} ON c.oid = k.conrelid
     WHERE ${ownTables} AND k.contype IN ('p', 'u', 'f', 'c', 'x')`,
  );
  for (const { key, name, definition, ...rest } of constraints)
    tables[key]!.constraints[name] = { definition: withoutDeferral(definition), ...rest };

  const indexes = await rows<{ key: string; name: string; definition: string; comment: string | null }>(
    `SELECT n.nspname || '.' || c.relname AS key, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition,
       obj_description(i.indexrelid, 'pg_class') AS comment
     FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid JOIN pg_catalog.pg_class ${relation} ON c.oid = i.indrelid
     WHERE ${ownTables}
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))`,
  );
  for (const { key, name, definition, comment } of indexes) tables[key]!.indexes[name] = { definition: indexBody(definition), comment };

  const triggers = await rows<{ key: string; name: string; definition: string }>(
    `SELECT n.nspname || '.' || c.relname AS key, t.tgname AS name, pg_get_triggerdef(t.oid) AS definition
     FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class ${relation} ON c.oid = t.tgrelid
     WHERE ${ownTables} AND NOT t.tgisinternal AND t.tgparentid = 0`,
  );
  for (const { key, name, definition } of triggers) tables[key]!.triggers[name] = definition;

  return { tables, ...(await typesAndRoutines(rows, inSchemas)) };
}

/** The snapshot's objects that are not tables: enums, domains, views, functions. */
async function typesAndRoutines(
  rows: <T>(sql: string) => Promise<T[]>,
  inSchemas: (column: string) => string,
): Promise<Omit<CatalogSnapshot, 'tables'>> {
  const enumRows = await rows<{ key: string; labels: string[] | null; comment: string | null }>(
    `SELECT n.nspname || '.' || t.typname AS key, obj_description(t.oid, 'pg_type') AS comment,
       (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) AS labels
     FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
     WHERE t.typtype = 'e' AND ${inSchemas('n.nspname')} AND ${notInExtension('t.oid', 'pg_type')}`,
  );
  const domainRows = await rows<{ key: string; definition: string }>(
    `SELECT n.nspname || '.' || t.typname AS key,
       format_type(t.typbasetype, t.typtypmod) || coalesce(' DEFAULT ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
         || coalesce((SELECT string_agg(' CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid), '' ORDER BY k.conname)
                      FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid), '') AS definition
     FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
     WHERE t.typtype = 'd' AND ${inSchemas('n.nspname')} AND ${notInExtension('t.oid', 'pg_type')}`,
  );
  const viewRows = await rows<{ key: string; kind: 'view' | 'materialized view'; definition: string; comment: string | null }>(
    `SELECT n.nspname || '.' || c.relname AS key, CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END AS kind,
       pg_get_viewdef(c.oid) AS definition, obj_description(c.oid, 'pg_class') AS comment
     FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('v', 'm') AND ${inSchemas('n.nspname')} AND ${notInExtension('c.oid', 'pg_class')}`,
  );
  const functionRows = await rows<{ key: string; definition: string; comment: string | null }>(
    `SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS key,
       CASE WHEN p.prokind = 'a' THEN 'aggregate' ELSE pg_get_functiondef(p.oid) END AS definition, obj_description(p.oid, 'pg_proc') AS comment
     FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
     WHERE ${inSchemas('n.nspname')} AND ${notInExtension('p.oid', 'pg_proc')}`,
  );
  return {
    enums: Object.fromEntries(enumRows.map((e) => [e.key, { labels: e.labels ?? [], comment: e.comment }])),
    domains: Object.fromEntries(domainRows.map((d) => [d.key, d.definition])),
    views: Object.fromEntries(viewRows.map(({ key, ...view }) => [key, view])),
    functions: Object.fromEntries(functionRows.map(({ key, ...f }) => [key, f])),
  };
}

/** `pg_get_constraintdef` ends with DEFERRABLE, INITIALLY DEFERRED and NOT VALID, in that order: kept as fields instead. */
function withoutDeferral(definition: string): string {
  return definition.replace(/( DEFERRABLE)?( INITIALLY DEFERRED)?( NOT VALID)?$/, '');
}

/** `CREATE UNIQUE INDEX books_title_key ON public.books USING btree (title)` -> `UNIQUE USING btree (title)`: name and table are the key. */
function indexBody(definition: string): string {
  const match = /^CREATE (UNIQUE )?INDEX .*? ON (?:ONLY )?.*? (USING .*)$/s.exec(definition);
  return match ? `${match[1] ?? ''}${match[2]}` : definition;
}
