import type { SqlRunner } from '../model/index.ts';
import { standInModifiersSetting } from '../model/standInModifiers.ts';
import { standInPrefix } from './runImportScript.ts';

/** A table the script made (partitions aside), as the catalog has it. */
export interface CatalogTable {
  oid: string;
  schema: string;
  name: string;
  comment: string;
  /** `RANGE (payment_date)` for a partitioned table, else null. */
  partitionKey: string | null;
  /** Names of its partitions, for the note. */
  partitions: string[];
  /** Indexes created on its partitions themselves (not through the table's own), which the import cannot keep. */
  partitionIndexes: string[];
}

/** One column, with the type as `format_type` writes it (search_path = public). */
export interface CatalogColumn {
  tableOid: string;
  attnum: number;
  name: string;
  type: string;
  notNull: boolean;
  defaultValue: string | null;
  identity: '' | 'a' | 'd';
  generated: '' | 's' | 'v';
  comment: string;
  /** The sequence of a `serial` column: owned by it, its nextval default, default settings. */
  serialSequenceOid: string | null;
  /** A collation other than the type's own (`COLLATE "C"`), by name; null for the default. */
  collation: string | null;
  /** Its schema, null for pg_catalog. */
  collationSchema: string | null;
  /** An identity column's sequence settings (pg_sequence), as text; null for other columns. */
  identitySequence: { start: string; increment: string; min: string; max: string; cache: string; cycle: boolean } | null;
}

/** A primary key, UNIQUE, FOREIGN KEY, CHECK or EXCLUDE constraint; foreign keys of partitions are listed under their root table. */
export interface CatalogConstraint {
  oid: string;
  tableOid: string;
  name: string;
  type: 'p' | 'u' | 'f' | 'c' | 'x';
  columns: number[];
  refTableOid: string | null;
  refColumns: number[];
  onDelete: string;
  onUpdate: string;
  deferrable: boolean;
  deferred: boolean;
  /** `pg_get_constraintdef`, for keys kept as text. */
  definition: string;
  /** The CHECK expression, without the CHECK keyword. */
  checkExpression: string | null;
  /** Declared on a partition (lifted to its root table). */
  onPartition: boolean;
  /** False for a key added NOT VALID (rows already there were never checked). */
  validated: boolean;
  /** Made by the table's own CREATE TABLE (same subtransaction as its row type), not a later ALTER TABLE. */
  inCreateTable: boolean;
}

/** An index not behind a constraint, with what makes it more than a plain column index. */
export interface CatalogIndex {
  oid: string;
  tableOid: string;
  name: string;
  isUnique: boolean;
  columns: number[];
  /** A plain btree on columns: no expression, predicate, INCLUDE, ordering, special operator class or collation of its own. */
  isPlain: boolean;
  hasPredicate: boolean;
  definition: string;
}

/** An enum type and its labels in order. */
export interface CatalogEnum {
  oid: string;
  schema: string;
  name: string;
  values: string[];
}

/** The catalog facts an import reads, limited to objects the script made (oid above the mark). */
export interface Catalog {
  tables: CatalogTable[];
  columns: CatalogColumn[];
  constraints: CatalogConstraint[];
  indexes: CatalogIndex[];
  enums: CatalogEnum[];
}

const userNamespace = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'`;

/** SQL that is true when the object `oid` of catalog `catalog` belongs to an extension. */
export function isExtensionMember(oid: string, catalog: string): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
}

/**
 * `format_type`, except for a stand-in type with modifiers: their text is in a setting (see
 * `standInModifiersSetting`), and the column's typmod is its position there.
 */
const columnType = `coalesce((SELECT format_type(bt.oid, NULL) || '(' || (current_setting('${standInModifiersSetting}', true)::text[])[a.atttypmod] || ')' || CASE WHEN bt.oid <> t.oid THEN '[]' ELSE '' END
    FROM pg_catalog.pg_type t JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
      JOIN pg_catalog.pg_proc p ON p.oid = bt.typmodin
    WHERE t.oid = a.atttypid AND a.atttypmod > 0 AND p.proname LIKE '${standInPrefix}%'), format_type(a.atttypid, a.atttypmod))`;

async function rows<T>(runner: SqlRunner, sql: string): Promise<T[]> {
  return (await runner.query(sql)).rows as T[];
}

/** Reads the tables, columns, keys, indexes and enums the script made (`oid > mark`). */
export async function readCatalog(runner: SqlRunner, mark: number): Promise<Catalog> {
  const tables = await rows<CatalogTable>(
    runner,
    `SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name,
       coalesce(obj_description(c.oid, 'pg_class'), '') AS comment,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS "partitionKey",
       CASE WHEN c.relkind = 'p' THEN coalesce((SELECT json_agg(p.relname ORDER BY p.relname) FROM pg_catalog.pg_class p WHERE p.relispartition AND pg_partition_root(p.oid) = c.oid), '[]'::json) ELSE '[]'::json END AS partitions,
       CASE WHEN c.relkind = 'p' THEN coalesce((SELECT json_agg(ic.relname ORDER BY ic.relname) FROM pg_catalog.pg_index pi JOIN pg_catalog.pg_class p ON p.oid = pi.indrelid
           JOIN pg_catalog.pg_class ic ON ic.oid = pi.indexrelid
         WHERE p.relispartition AND pg_partition_root(p.oid) = c.oid AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = pi.indexrelid)
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = pi.indexrelid AND k.conrelid = pi.indrelid)), '[]'::json) ELSE '[]'::json END AS "partitionIndexes"
     FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence <> 't' AND c.oid > ${mark}
       AND ${userNamespace} AND NOT ${isExtensionMember('c.oid', 'pg_class')}
     ORDER BY c.oid`,
  );
  const tableList = tables.length > 0 ? tables.map((t) => t.oid).join(', ') : '0';
  const columns = await rows<CatalogColumn>(
    runner,
    `SELECT a.attrelid::text AS "tableOid", a.attnum::int AS attnum, a.attname AS name, ${columnType} AS type,
       a.attnotnull AS "notNull", pg_get_expr(ad.adbin, ad.adrelid) AS "defaultValue", a.attidentity::text AS identity, a.attgenerated::text AS generated,
       coalesce(col_description(a.attrelid, a.attnum), '') AS comment,
       (SELECT co.collname FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_type ct ON ct.oid = a.atttypid
        WHERE co.oid = a.attcollation AND a.attcollation <> ct.typcollation) AS collation,
       (SELECT nullif(cn.nspname, 'pg_catalog') FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
          JOIN pg_catalog.pg_type ct ON ct.oid = a.atttypid
        WHERE co.oid = a.attcollation AND a.attcollation <> ct.typcollation) AS "collationSchema",
       (SELECT s.oid::text FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
          JOIN pg_catalog.pg_sequence q ON q.seqrelid = s.oid
        WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.classid = 'pg_class'::regclass AND d.deptype = 'a'
          AND q.seqtypid = a.atttypid AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)
          AND q.seqstart = 1 AND q.seqincrement = 1 AND q.seqmin = 1 AND q.seqcache = 1 AND NOT q.seqcycle
          AND q.seqmax = CASE a.atttypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647 ELSE 9223372036854775807 END
          AND pg_get_expr(ad.adbin, ad.adrelid) = format('nextval(%L::regclass)', s.oid::regclass::text)
        LIMIT 1) AS "serialSequenceOid",
       (SELECT json_build_object('start', q.seqstart::text, 'increment', q.seqincrement::text, 'min', q.seqmin::text, 'max', q.seqmax::text, 'cache', q.seqcache::text, 'cycle', q.seqcycle)
        FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_sequence q ON q.seqrelid = d.objid
        WHERE a.attidentity <> '' AND d.refclassid = 'pg_class'::regclass AND d.classid = 'pg_class'::regclass AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'i'
        LIMIT 1) AS "identitySequence"
     FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
     WHERE a.attrelid IN (${tableList}) AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY a.attrelid, a.attnum`,
  );
  const constraints = await rows<CatalogConstraint>(
    runner,
    `SELECT k.oid::text AS oid, coalesce(pg_partition_root(k.conrelid), k.conrelid)::oid::text AS "tableOid", k.conname AS name, k.contype::text AS type,
       to_json(ARRAY(SELECT ra.attnum::int FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, n)
         JOIN pg_catalog.pg_attribute pa ON pa.attrelid = k.conrelid AND pa.attnum = u.attnum
         JOIN pg_catalog.pg_attribute ra ON ra.attrelid = coalesce(pg_partition_root(k.conrelid), k.conrelid) AND ra.attname = pa.attname
         ORDER BY u.n)) AS columns, nullif(k.confrelid, 0)::text AS "refTableOid", coalesce(to_json(k.confkey), '[]'::json) AS "refColumns",
       k.confdeltype::text AS "onDelete", k.confupdtype::text AS "onUpdate", k.condeferrable AS deferrable, k.condeferred AS deferred,
       pg_get_constraintdef(k.oid) AS definition,
       CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid) END AS "checkExpression",
       c.relispartition AS "onPartition", k.convalidated AS validated,
       k.xmin::text = (SELECT ty.xmin::text FROM pg_catalog.pg_type ty WHERE ty.oid = c.reltype) AS "inCreateTable"
     FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
     WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conparentid = 0 AND k.oid > ${mark}
       AND coalesce(pg_partition_root(k.conrelid), k.conrelid) IN (${tableList})
       AND NOT (c.relispartition AND k.contype <> 'f')
     ORDER BY k.oid`,
  );
  const indexes = await rows<CatalogIndex>(
    runner,
    `SELECT i.indexrelid::text AS oid, i.indrelid::text AS "tableOid", ic.relname AS name, i.indisunique AS "isUnique",
       to_json(i.indkey::int2[]) AS columns,
       (am.amname = 'btree' AND i.indexprs IS NULL AND i.indpred IS NULL AND i.indnkeyatts = i.indnatts
         AND NOT EXISTS (SELECT 1 FROM unnest(i.indoption::int2[]) o WHERE o <> 0)
         AND NOT EXISTS (SELECT 1 FROM unnest(i.indclass::oid[]) oc JOIN pg_catalog.pg_opclass op ON op.oid = oc WHERE NOT op.opcdefault)
         AND NOT EXISTS (SELECT 1 FROM unnest(i.indkey::int2[], i.indcollation::oid[]) u(attnum, coll) JOIN pg_catalog.pg_attribute ia ON ia.attrelid = i.indrelid AND ia.attnum = u.attnum
                         WHERE u.coll <> ia.attcollation)) AS "isPlain",
       i.indpred IS NOT NULL AS "hasPredicate",
       pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = ic.relam
     WHERE i.indrelid IN (${tableList}) AND i.indexrelid > ${mark}
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
     ORDER BY i.indexrelid`,
  );
  const enums = await rows<CatalogEnum>(
    runner,
    `SELECT t.oid::text AS oid, n.nspname AS schema, t.typname AS name,
       (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) AS values
     FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
     WHERE t.typtype = 'e' AND t.oid > ${mark} AND ${userNamespace} AND NOT ${isExtensionMember('t.oid', 'pg_type')}
     ORDER BY t.oid`,
  );
  return { tables, columns, constraints, indexes, enums: enums.map((e) => ({ ...e, values: e.values ?? [] })) };
}
