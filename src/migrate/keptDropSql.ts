import { quoteIdent } from '../ddl/index.ts';
import { keptObjectTarget, type SqlObject, type TargetArgument } from '../model/index.ts';
import type { DbTable } from './databaseObjectTypes.ts';

const dropWords: Record<SqlObject['kind'], string> = {
  view: 'VIEW',
  materializedView: 'MATERIALIZED VIEW',
  index: 'INDEX',
  sequence: 'SEQUENCE',
  domain: 'DOMAIN',
  type: 'TYPE',
  collation: 'COLLATION',
  extension: 'EXTENSION',
  schema: 'SCHEMA',
  function: 'FUNCTION',
  aggregate: 'AGGREGATE',
  trigger: 'TRIGGER',
  constraint: 'CONSTRAINT',
};

const path = (names: readonly string[]) => names.map(quoteIdent).join('.');

function argumentText(a: TargetArgument): string {
  const type = `${path(a.names)}${a.percentType ? '%TYPE' : ''}${'[]'.repeat(a.arrayDimensions)}`;
  return a.mode ? `${a.mode} ${type}` : type;
}

/**
 * The statement that drops a kept object, built from the identifiers PostgreSQL's parser reads in its
 * own SQL, each quoted: never from its name, which is only shown. Undefined when its SQL cannot be read
 * (the caller asks for the drop by hand).
 */
export function keptDropSql(o: SqlObject): string | undefined {
  const target = keptObjectTarget(o);
  if (!target) return undefined;
  const name = path(target.names);
  switch (o.kind) {
    case 'trigger':
      return `DROP TRIGGER ${name} ON ${path(target.table!)};`;
    case 'constraint':
      return `ALTER TABLE ${path(target.table!)} DROP CONSTRAINT ${name};`;
    case 'index': {
      // An index lives in its table's schema.
      const schema = target.table!.length > 1 ? [target.table![0]!] : [];
      return `DROP INDEX ${path([...schema, ...target.names])};`;
    }
    case 'function':
    case 'aggregate': {
      const word = o.kind === 'aggregate' ? 'AGGREGATE' : target.procedure ? 'PROCEDURE' : 'FUNCTION';
      const args = target.args ?? [];
      if (args === '*') return `DROP ${word} ${name}(*);`;
      const texts = args.map(argumentText);
      const direct = target.directArgs;
      const list =
        direct === undefined ? texts.join(', ') : `${texts.slice(0, direct).join(', ')} ORDER BY ${texts.slice(direct).join(', ')}`.trim();
      return `DROP ${word} ${name}(${list});`;
    }
    default:
      return `DROP ${dropWords[o.kind]} ${name};`;
  }
}

/** A kept object's DROP, from what its own SQL creates; asked of the user when that cannot be read. */
export function dropStep(o: SqlObject): { sql: string; comment?: string } {
  const sql = keptDropSql(o);
  return sql ? { sql } : { sql: '', comment: `drop the kept ${o.kind} ${o.name} by hand: its kept text cannot be read` };
}

/**
 * What existing rows can make a kept UNIQUE index or constraint fail when it is made on a table that was
 * already there, as the generator says of its own new UNIQUEs and CHECKs; undefined when none can
 * (a plain index, NOT VALID, or a table made in the same migration).
 */
export function keptRejection(o: SqlObject, existingTables: Iterable<DbTable>): string | undefined {
  const target = keptObjectTarget(o);
  if (!target?.checksExistingRows || !target.table) return undefined;
  const [schemaName, name] = target.table.length > 1 ? target.table : [undefined, target.table[0]];
  const table = [...existingTables].find((t) => t.name === name && (schemaName === undefined || t.schemaName === schemaName));
  if (!table) return undefined;
  return o.kind === 'index'
    ? `fails while rows of ${table.name} repeat what the kept unique index ${target.names.at(-1)} covers`
    : `fails while a row of ${table.name} breaks the kept constraint ${target.names.at(-1)}`;
}
