import {
  isEffectivelyNotNull,
  primaryKeyOf,
  type Column,
  type IdentityOptions,
  type ResolvedRelationship,
  type Table,
} from '../model/index.ts';
import type { NameAllocator } from './constraintNames.ts';
import type { DdlOptions } from './options.ts';
import { quoteIdent, quoteLiteral } from './quoteIdent.ts';
import { identList, ifNotExists, qualifiedName } from './sqlText.ts';
import type { Statement } from './statement.ts';

const identityOptionWords: [keyof IdentityOptions, string][] = [
  ['increment', 'INCREMENT BY'],
  ['minValue', 'MINVALUE'],
  ['maxValue', 'MAXVALUE'],
  ['start', 'START WITH'],
  ['cache', 'CACHE'],
];

/** ` (START WITH 1000 INCREMENT BY 10)` for the options an identity column keeps, '' for none. */
function identityOptionsSql(options: IdentityOptions | undefined): string {
  if (!options) return '';
  const words = identityOptionWords.filter(([key]) => options[key] !== undefined).map(([key, word]) => `${word} ${options[key] as string}`);
  if (options.cycle) words.push('CYCLE');
  return words.length > 0 ? ` (${words.join(' ')})` : '';
}

/** One column definition: type, identity (with its sequence options) or generated expression, NOT NULL, default. */
export function columnDefinition(column: Column, isNotNull: boolean): string {
  const identity = column.identity
    ? ` GENERATED ${column.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${identityOptionsSql(column.identityOptions)}`
    : '';
  const generated = column.generated
    ? ` GENERATED ALWAYS AS (${column.generated.expression}) ${column.generated.kind === 'virtual' ? 'VIRTUAL' : 'STORED'}`
    : '';
  const notNull = isNotNull && !column.isPrimaryKey && !column.identity ? ' NOT NULL' : '';
  const defaultValue = column.defaultValue === null ? '' : ` DEFAULT ${column.defaultValue}`;
  return `${quoteIdent(column.name)} ${column.type}${collateClause(column)}${identity}${generated}${notNull}${defaultValue}`;
}

/** ` COLLATE "C"` or ` COLLATE musicbrainz.musicbrainz` for a column with a collation of its own; empty otherwise. */
function collateClause(column: Column): string {
  if (!column.collation) return '';
  return ` COLLATE ${column.collationSchema ? `${quoteIdent(column.collationSchema)}.` : ''}${quoteIdent(column.collation)}`;
}

/** `CREATE TABLE [IF NOT EXISTS] ref (\n  line,\n  line\n);` for tables and junction tables alike. */
export function createTableSql(schemaName: string, name: string, lines: readonly string[], options: DdlOptions): string {
  return `CREATE TABLE ${ifNotExists(options)}${qualifiedName(schemaName, name, options)} (\n${lines.join(',\n')}\n);`;
}

/** CREATE TABLE with columns, primary key, UNIQUE columns and CHECK constraints; foreign keys come later. */
export function createTable(table: Table, resolved: readonly ResolvedRelationship[], names: NameAllocator, options: DdlOptions): Statement {
  const lines = table.columns.map((c) => `  ${columnDefinition(c, isEffectivelyNotNull(c, resolved))}`);
  const key = primaryKeyOf(table).map((c) => c.name);
  if (key.length > 0)
    lines.push(
      `  CONSTRAINT ${quoteIdent(table.primaryKeyName || names.allocate(table.name, [], 'pkey'))} PRIMARY KEY (${identList(key)})`,
    );
  for (const c of table.columns) {
    if (c.isUnique && !(c.isPrimaryKey && key.length === 1)) {
      lines.push(
        `  CONSTRAINT ${quoteIdent(c.uniqueConstraintName || names.allocate(table.name, [c.name], 'key'))} UNIQUE (${quoteIdent(c.name)})`,
      );
    }
  }
  for (const index of table.indexes) {
    if (!index.isConstraint || !index.isUnique) continue;
    const columns = index.columnIds.map((id) => table.columns.find((c) => c.id === id)!.name);
    lines.push(`  CONSTRAINT ${quoteIdent(index.name || names.allocate(table.name, columns, 'key'))} UNIQUE (${identList(columns)})`);
  }
  for (const check of table.checks) {
    const name = check.name || names.allocate(table.name, [], 'check');
    lines.push(`  CONSTRAINT ${quoteIdent(name)} CHECK (${check.expression})`);
  }
  return { kind: 'createTable', tableId: table.id, sql: createTableSql(table.schemaName, table.name, lines, options) };
}

/** The table's extra indexes. */
export function createIndexes(
  table: Table,
  names: NameAllocator,
  options: DdlOptions,
  which: (index: Table['indexes'][number]) => boolean = () => true,
): Statement[] {
  return table.indexes
    .filter((index) => !(index.isConstraint && index.isUnique) && which(index))
    .map((index) => {
      const columns = index.columnIds.map((id) => table.columns.find((c) => c.id === id)!.name);
      const name = index.name || names.allocate(table.name, columns, index.isUnique ? 'key' : 'idx');
      const unique = index.isUnique ? 'UNIQUE ' : '';
      return {
        kind: 'createIndex',
        tableId: table.id,
        sql: `CREATE ${unique}INDEX ${ifNotExists(options)}${quoteIdent(name)} ON ${qualifiedName(table.schemaName, table.name, options)} (${identList(columns)});`,
      };
    });
}

/** COMMENT ON TABLE / COLUMN for every non-empty comment; the text is always a literal. */
export function createComments(table: Table, options: DdlOptions): Statement[] {
  const ref = qualifiedName(table.schemaName, table.name, options);
  const statements: Statement[] = [];
  if (table.comment !== '')
    statements.push({ kind: 'comment', tableId: table.id, sql: `COMMENT ON TABLE ${ref} IS ${quoteLiteral(table.comment)};` });
  for (const c of table.columns) {
    if (c.comment !== '')
      statements.push({
        kind: 'comment',
        tableId: table.id,
        sql: `COMMENT ON COLUMN ${ref}.${quoteIdent(c.name)} IS ${quoteLiteral(c.comment)};`,
      });
  }
  return statements;
}
