import { makeColumn, newId, type Column, type EnumType, type IdentityOptions, type Table } from '../model/index.ts';
import type { Catalog, CatalogColumn } from './readCatalog.ts';

/** A set of columns PostgreSQL keeps unique: a UNIQUE constraint, or a unique index (maybe partial). */
export interface UniqueSet {
  key: string;
  tableOid: string;
  name: string;
  columns: number[];
  isConstraint: boolean;
  isPartial: boolean;
  /** A UNIQUE constraint written in the CREATE TABLE, rather than added after it. */
  inCreateTable: boolean;
}

/** Tables read from the catalog, before relationships decide which unique sets they imply. */
export interface CatalogTables {
  tables: Table[];
  tableByOid: Map<string, Table>;
  /** `tableOid:attnum` -> column. */
  columnAt: Map<string, Column>;
  /** Primary-key attnums by table, in the key's own order. */
  primaryKeys: Map<string, number[]>;
  uniqueSets: UniqueSet[];
  enums: EnumType[];
  /** Indexes the diagram cannot draw (expressions, predicates, other methods), kept as text. */
  keptIndexes: { oid: string; tableOid: string; name: string; sql: string }[];
  notes: string[];
}

const spellings: [RegExp, string][] = [
  [/^character varying\b/, 'varchar'],
  [/^character\b/, 'char'],
  [/^bit varying\b/, 'varbit'],
  [/^timestamp(\(\d+\))? with time zone/, 'timestamptz$1'],
  [/^timestamp(\(\d+\))? without time zone/, 'timestamp$1'],
  [/^time(\(\d+\))? with time zone/, 'timetz$1'],
  [/^time(\(\d+\))? without time zone/, 'time$1'],
];

/** `format_type` text in the short spellings the editor writes (`varchar(80)`, `timestamptz`), so round trips are stable. */
export function normalizeType(formatted: string): string {
  for (const [pattern, short] of spellings) if (pattern.test(formatted)) return formatted.replace(pattern, short);
  return formatted;
}

const serialTypes: Record<string, string> = { integer: 'serial', bigint: 'bigserial', smallint: 'smallserial' };

const integerRanges: Record<string, [string, string]> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
};

/** The identity sequence's settings that differ from PostgreSQL's defaults for its type and direction, or undefined. */
export function identityOptionsOf(type: string, sequence: NonNullable<CatalogColumn['identitySequence']>): IdentityOptions | undefined {
  const [typeMin, typeMax] = integerRanges[type] ?? integerRanges.bigint!;
  const ascending = !sequence.increment.startsWith('-');
  const defaults = { increment: '1', min: ascending ? '1' : typeMin, max: ascending ? typeMax : '-1' };
  const options: IdentityOptions = {
    ...(sequence.increment !== defaults.increment ? { increment: sequence.increment } : {}),
    ...(sequence.min !== defaults.min ? { minValue: sequence.min } : {}),
    ...(sequence.max !== defaults.max ? { maxValue: sequence.max } : {}),
    ...(sequence.start !== (ascending ? sequence.min : sequence.max) ? { start: sequence.start } : {}),
    ...(sequence.cache !== '1' ? { cache: sequence.cache } : {}),
    ...(sequence.cycle ? { cycle: true } : {}),
  };
  return Object.keys(options).length > 0 ? options : undefined;
}

function toColumn(c: CatalogColumn, isPrimaryKey: boolean): Column {
  const isSerial = c.serialSequenceOid !== null && serialTypes[c.type] !== undefined;
  const identityOptions = c.identitySequence ? identityOptionsOf(c.type, c.identitySequence) : undefined;
  return {
    ...makeColumn({
      name: c.name,
      type: isSerial ? serialTypes[c.type]! : normalizeType(c.type),
      isPrimaryKey,
      isNotNull: c.notNull,
      defaultValue: isSerial || c.generated !== '' ? null : c.defaultValue,
      identity: c.identity === 'a' ? 'always' : c.identity === 'd' ? 'byDefault' : null,
      comment: c.comment,
    }),
    ...(c.generated !== '' && c.defaultValue !== null
      ? { generated: { expression: c.defaultValue, kind: c.generated === 'v' ? 'virtual' : 'stored' } }
      : {}),
    ...(identityOptions ? { identityOptions } : {}),
    ...(c.collation !== null
      ? { collation: c.collation, ...(c.collationSchema !== null ? { collationSchema: c.collationSchema } : {}) }
      : {}),
  };
}

/**
 * Builds the diagram's tables from the catalog: columns with their types, keys, defaults, identity,
 * `serial` for owned sequences with default settings, comments, CHECK constraints and plain indexes.
 * Unique sets are returned apart, since a unique set that makes a 1:1 belongs to the relationship.
 * A partitioned table is kept as one table; its partitions are named in a note.
 */
export function catalogTables(catalog: Catalog): CatalogTables {
  const notes: string[] = [];
  const columnAt = new Map<string, Column>();
  const primaryKeys = new Map<string, number[]>();
  for (const k of catalog.constraints) if (k.type === 'p' && !k.onPartition) primaryKeys.set(k.tableOid, k.columns);
  const tables: Table[] = catalog.tables.map((t) => {
    const key = new Set(primaryKeys.get(t.oid) ?? []);
    const columns = catalog.columns
      .filter((c) => c.tableOid === t.oid)
      .map((c) => {
        const column = toColumn(c, key.has(c.attnum));
        columnAt.set(`${t.oid}:${c.attnum}`, column);
        return column;
      });
    const keyOrder = primaryKeys.get(t.oid) ?? [];
    const isReordered = keyOrder.some((attnum, i) => i > 0 && attnum < keyOrder[i - 1]!);
    const primaryKey = catalog.constraints.find((k) => k.type === 'p' && k.tableOid === t.oid && !k.onPartition);
    if (t.partitionKey) {
      const shown = t.partitions.slice(0, 3).join(', ') + (t.partitions.length > 3 ? ', ...' : '');
      notes.push(
        `"${t.name}" is partitioned by ${t.partitionKey}; it is imported as one table, without its ${t.partitions.length} partitions (${shown}), and foreign keys declared on partitions are drawn from "${t.name}".`,
      );
      const lost = t.partitionIndexes;
      if (lost.length > 0)
        notes.push(
          `Not imported: ${lost.length} index${lost.length === 1 ? '' : 'es'} created on partitions of "${t.name}" rather than on it (${lost.slice(0, 3).join(', ')}${lost.length > 3 ? ', ...' : ''}).`,
        );
    }
    return {
      id: newId('tbl'),
      name: t.name,
      schemaName: t.schema,
      comment: t.comment,
      columns,
      checks: catalog.constraints
        .filter((k) => k.tableOid === t.oid && k.type === 'c' && !k.onPartition)
        .map((k) => ({ id: newId('chk'), name: k.name, expression: k.checkExpression ?? '' })),
      indexes: [],
      ...(primaryKey ? { primaryKeyName: primaryKey.name } : {}),
      ...(isReordered ? { primaryKeyColumnIds: keyOrder.map((a) => columnAt.get(`${t.oid}:${a}`)!.id) } : {}),
    };
  });
  const tableByOid = new Map(catalog.tables.map((t, i) => [t.oid, tables[i]!]));
  const uniqueSets: UniqueSet[] = catalog.constraints
    .filter((k) => k.type === 'u' && !k.onPartition)
    .map((k) => ({
      key: `constraint:${k.oid}`,
      tableOid: k.tableOid,
      name: k.name,
      columns: k.columns,
      isConstraint: true,
      isPartial: false,
      inCreateTable: k.inCreateTable,
    }));
  const keptIndexes: CatalogTables['keptIndexes'] = [];
  for (const index of catalog.indexes) {
    const table = tableByOid.get(index.tableOid);
    if (!table) continue;
    if (index.isPlain) {
      if (index.isUnique)
        uniqueSets.push({
          key: `index:${index.oid}`,
          tableOid: index.tableOid,
          name: index.name,
          columns: index.columns,
          isConstraint: false,
          isPartial: false,
          inCreateTable: false,
        });
      else
        table.indexes.push({
          id: newId('idx'),
          name: index.name,
          columnIds: index.columns.map((a) => columnAt.get(`${index.tableOid}:${a}`)!.id),
          isUnique: false,
        });
      continue;
    }
    keptIndexes.push({ oid: index.oid, tableOid: index.tableOid, name: index.name, sql: `${index.definition};` });
    const isColumnsOnly = index.columns.every((a) => a > 0);
    if (index.isUnique && index.hasPredicate && isColumnsOnly) {
      uniqueSets.push({
        key: `index:${index.oid}`,
        tableOid: index.tableOid,
        name: index.name,
        columns: index.columns,
        isConstraint: false,
        isPartial: true,
        inCreateTable: false,
      });
    }
  }
  const enums: EnumType[] = catalog.enums.map((e) => ({ id: newId('enum'), name: e.name, schemaName: e.schema, values: e.values }));
  return { tables, tableByOid, columnAt, primaryKeys, uniqueSets, enums, keptIndexes, notes };
}

/**
 * Gives each table the unique sets no relationship took: a one-column UNIQUE constraint becomes the
 * column's `isUnique`, anything else a unique index. Partial unique indexes stay kept as text.
 */
export function applyUniqueSets(built: CatalogTables, taken: ReadonlySet<string>): void {
  for (const set of built.uniqueSets) {
    if (taken.has(set.key) || set.isPartial) continue;
    const table = built.tableByOid.get(set.tableOid);
    if (!table) continue;
    const columns = set.columns.map((a) => built.columnAt.get(`${set.tableOid}:${a}`)!);
    if (set.isConstraint && columns.length === 1) {
      const column = columns[0]!;
      const unique = { isUnique: true, uniqueConstraintName: set.name };
      table.columns = table.columns.map((c) => (c.id === column.id ? { ...c, ...unique } : c));
      built.columnAt.set(`${set.tableOid}:${set.columns[0]}`, { ...column, ...unique });
    } else {
      table.indexes.push({
        id: newId('idx'),
        name: set.name,
        columnIds: columns.map((c) => c.id),
        isUnique: true,
        ...(set.isConstraint ? { isConstraint: true } : {}),
      });
    }
  }
}
