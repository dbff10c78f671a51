import type { SqlObjectKind, SqlRunner } from '../model/index.ts';
import { isExtensionMember } from './readCatalog.ts';
import { standInPrefix } from './runImportScript.ts';

/** An object kept as text, as read from the catalog, before the importer decides what is already drawn. */
export interface CatalogSqlObject {
  oid: string;
  kind: SqlObjectKind;
  name: string;
  sql: string;
  /** For triggers: the table it fires on and its function. */
  tableOid?: string;
  functionOid?: string;
  /** For functions: the body (prosrc), to recognise the triggers the DDL generator writes. */
  source?: string;
  /** For triggers: a deferrable CONSTRAINT TRIGGER. */
  isConstraintTrigger?: boolean;
}

const userNamespace = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'`;

/**
 * Reads the objects the diagram does not draw, each as the SQL that recreates it: views and
 * materialized views (`pg_get_viewdef`), functions and procedures (`pg_get_functiondef`), aggregates,
 * triggers (`pg_get_triggerdef`), domains, composite types, sequences no column owns, collations, extensions and schemas.
 * Objects of extensions and of partitions are left out. Names are written relative to search_path = public.
 */
export async function readSqlObjects(runner: SqlRunner, mark: number): Promise<CatalogSqlObject[]> {
  // One cheap look first: most imports have none of these, and each catalog query costs a plan in PGlite.
  const { rows } = await runner.query(
    `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid > ${mark} AND relkind IN ('v', 'm', 'S')) AS relations,
       EXISTS (SELECT 1 FROM pg_catalog.pg_proc WHERE oid > ${mark}) AS routines,
       EXISTS (SELECT 1 FROM pg_catalog.pg_trigger WHERE oid > ${mark} AND NOT tgisinternal) AS triggers,
       EXISTS (SELECT 1 FROM pg_catalog.pg_type WHERE oid > ${mark} AND (typtype = 'd' OR (typtype = 'c' AND typrelid IN (SELECT oid FROM pg_catalog.pg_class WHERE relkind = 'c')))) AS types,
       EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE oid > ${mark}) AS extensions,
       EXISTS (SELECT 1 FROM pg_catalog.pg_collation WHERE oid > ${mark}) AS collations,
       EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE oid > ${mark}) AS schemas`,
  );
  const present = rows[0] as Record<'relations' | 'routines' | 'triggers' | 'types' | 'extensions' | 'collations' | 'schemas', boolean>;
  const query = async (isPresent: boolean, sql: string) =>
    isPresent ? ((await runner.query(sql)).rows as unknown as CatalogSqlObject[]) : [];
  const relations = await query(
    present.relations,
    `SELECT c.oid::text AS oid, CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materializedView' END AS kind,
       c.oid::regclass::text AS name,
       CASE c.relkind WHEN 'v' THEN 'CREATE VIEW ' || c.oid::regclass::text || coalesce(' WITH (' || array_to_string(c.reloptions, ', ') || ')', '') || ' AS' || chr(10) || pg_get_viewdef(c.oid)
         ELSE 'CREATE MATERIALIZED VIEW ' || c.oid::regclass::text || ' AS' || chr(10) || rtrim(pg_get_viewdef(c.oid), ';') || chr(10) || 'WITH NO DATA;' END AS sql
     FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('v', 'm') AND c.oid > ${mark} AND ${userNamespace} AND NOT ${isExtensionMember('c.oid', 'pg_class')}`,
  );
  const functions = await query(
    present.routines,
    `SELECT p.oid::text AS oid, 'function' AS kind, p.oid::regprocedure::text AS name, rtrim(pg_get_functiondef(p.oid), chr(10)) || ';' AS sql, p.prosrc AS source
     FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
     WHERE p.prokind IN ('f', 'p', 'w') AND p.oid > ${mark} AND ${userNamespace} AND NOT ${isExtensionMember('p.oid', 'pg_proc')}
       AND p.proname NOT LIKE '${standInPrefix}%'`,
  );
  const aggregates = await query(
    present.routines,
    `SELECT p.oid::text AS oid, 'aggregate' AS kind, p.oid::regprocedure::text AS name,
       'CREATE AGGREGATE ' || p.oid::regproc::text || '(' || pg_get_function_identity_arguments(p.oid) || ') (' || chr(10)
         || '    SFUNC = ' || a.aggtransfn::regproc::text || ',' || chr(10) || '    STYPE = ' || format_type(a.aggtranstype, NULL)
         || CASE WHEN a.aggfinalfn <> 0 THEN ',' || chr(10) || '    FINALFUNC = ' || a.aggfinalfn::regproc::text ELSE '' END
         || CASE WHEN a.agginitval IS NOT NULL THEN ',' || chr(10) || '    INITCOND = ' || quote_literal(a.agginitval) ELSE '' END
         || chr(10) || ');' AS sql
     FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
     WHERE p.prokind = 'a' AND p.oid > ${mark} AND ${userNamespace} AND NOT ${isExtensionMember('p.oid', 'pg_proc')}`,
  );
  const triggers = await query(
    present.triggers,
    `SELECT t.oid::text AS oid, 'trigger' AS kind, t.tgname || ' on ' || t.tgrelid::regclass::text AS name, pg_get_triggerdef(t.oid) || ';' AS sql,
       t.tgrelid::text AS "tableOid", t.tgfoid::text AS "functionOid", (t.tgconstraint <> 0) AS "isConstraintTrigger"
     FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND NOT c.relispartition AND t.oid > ${mark}`,
  );
  const types = await query(
    present.types,
    `SELECT t.oid::text AS oid, CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END AS kind, t.oid::regtype::text AS name,
       CASE t.typtype WHEN 'd' THEN
         'CREATE DOMAIN ' || t.oid::regtype::text || ' AS ' || format_type(t.typbasetype, t.typtypmod)
           || coalesce(' DEFAULT ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
           || coalesce((SELECT string_agg(chr(10) || '    CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid), '' ORDER BY k.conname)
                        FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c'), '') || ';'
       ELSE
         'CREATE TYPE ' || t.oid::regtype::text || ' AS (' || chr(10)
           || (SELECT string_agg('    ' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ',' || chr(10) ORDER BY a.attnum)
               FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)
           || chr(10) || ');'
       END AS sql
     FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
     WHERE (t.typtype = 'd' OR (t.typtype = 'c' AND (SELECT relkind FROM pg_catalog.pg_class WHERE oid = t.typrelid) = 'c'))
       AND t.oid > ${mark} AND ${userNamespace} AND NOT ${isExtensionMember('t.oid', 'pg_type')}`,
  );
  const sequences = await query(
    present.relations,
    `SELECT s.oid::text AS oid, 'sequence' AS kind, s.oid::regclass::text AS name,
       'CREATE SEQUENCE ' || s.oid::regclass::text || ' AS ' || format_type(q.seqtypid, NULL) || chr(10)
         || '    START WITH ' || q.seqstart || chr(10) || '    INCREMENT BY ' || q.seqincrement || chr(10)
         || '    MINVALUE ' || q.seqmin || chr(10) || '    MAXVALUE ' || q.seqmax || chr(10) || '    CACHE ' || q.seqcache
         || CASE WHEN q.seqcycle THEN chr(10) || '    CYCLE' ELSE '' END || ';' AS sql
     FROM pg_catalog.pg_class s JOIN pg_catalog.pg_sequence q ON q.seqrelid = s.oid JOIN pg_catalog.pg_namespace n ON n.oid = s.relnamespace
     WHERE s.relkind = 'S' AND s.oid > ${mark} AND ${userNamespace} AND NOT ${isExtensionMember('s.oid', 'pg_class')}
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.deptype = 'i')`,
  );
  const viewIndexes = await query(
    present.relations,
    `SELECT i.indexrelid::text AS oid, 'index' AS kind, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) || ';' AS sql
     FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
     WHERE c.relkind = 'm' AND i.indexrelid > ${mark}`,
  );
  const extensions = await query(
    present.extensions,
    `SELECT e.oid::text AS oid, 'extension' AS kind, e.extname AS name,
       'CREATE EXTENSION IF NOT EXISTS ' || quote_ident(e.extname) || ' WITH SCHEMA ' || quote_ident(n.nspname) || ';' AS sql
     FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.oid > ${mark}`,
  );
  // Written from the catalog's columns by name (to_jsonb): PostgreSQL 17 renamed colliculocale to colllocale.
  const collations = await query(
    present.collations,
    `SELECT c.oid::text AS oid, 'collation' AS kind, c.oid::regcollation::text AS name,
       'CREATE COLLATION ' || quote_ident(n.nspname) || '.' || quote_ident(c.collname) || ' (' ||
         CASE c.collprovider
           WHEN 'c' THEN 'provider = libc, lc_collate = ' || quote_literal(c.collcollate) || ', lc_ctype = ' || quote_literal(c.collctype)
           ELSE 'provider = ' || CASE c.collprovider WHEN 'i' THEN 'icu' ELSE 'builtin' END || ', locale = '
             || quote_literal(coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale', ''))
         END
         || coalesce(', rules = ' || quote_literal(to_jsonb(c) ->> 'collicurules'), '')
         || CASE WHEN c.collisdeterministic THEN '' ELSE ', deterministic = false' END || ');' AS sql
     FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
     WHERE c.oid > ${mark} AND ${userNamespace} AND NOT ${isExtensionMember('c.oid', 'pg_collation')}`,
  );
  // Every schema the script made; the importer keeps those no table or enum brings (one holding only views, or an extension).
  const schemas = await query(
    present.schemas,
    `SELECT n.oid::text AS oid, 'schema' AS kind, n.nspname AS name, 'CREATE SCHEMA IF NOT EXISTS ' || quote_ident(n.nspname) || ';' AS sql
     FROM pg_catalog.pg_namespace n WHERE n.oid > ${mark} AND ${userNamespace}`,
  );
  return [
    ...schemas,
    ...extensions,
    ...collations,
    ...types,
    ...sequences,
    ...functions,
    ...aggregates,
    ...relations,
    ...viewIndexes,
    ...triggers,
  ].sort((a, b) => Number(a.oid) - Number(b.oid));
}
