import { fitIdentifier, foreignKeyColumnName, newId, uniqueName, type Relationship, type Table } from '../model/index.ts';
import type { CatalogTables } from './catalogTables.ts';
import { catalogAction, findRequiredChild, sameSet, type DrawableKey } from './foreignKeyFacts.ts';
import type { CatalogSqlObject } from './readSqlObjects.ts';

/** A table read back as the many-to-many relationship the DDL generator made it for. */
export interface FoundJunction {
  relationship: Relationship;
  keys: DrawableKey[];
  takenObjects: string[];
}

/**
 * Whether a table is exactly what `createJunctionTable` writes for a many-to-many: two foreign keys
 * with the same actions whose columns, named as the generator names them, come first and together
 * make the primary key; nothing refers to it; no comment, check, index, other unique key or trigger
 * of its own. Anything less stays a table with two one-to-many relationships, as a person drew it.
 */
export function findJunction(
  oid: string,
  table: Table,
  keys: readonly DrawableKey[],
  built: CatalogTables,
  objects: readonly CatalogSqlObject[],
  oidOf: (t: Table) => string,
): FoundJunction | undefined {
  const own = keys.filter((k) => k.constraint.tableOid === oid);
  if (
    own.length !== 2 ||
    keys.some((k) => k.parent === table) ||
    table.comment !== '' ||
    table.checks.length > 0 ||
    table.indexes.length > 0
  )
    return undefined;
  if (built.uniqueSets.some((s) => s.tableOid === oid) || built.keptIndexes.some((i) => i.tableOid === oid)) return undefined;
  const [first, second] = [...own].sort((a, b) => table.columns.indexOf(a.columns[0]!) - table.columns.indexOf(b.columns[0]!)) as [
    DrawableKey,
    DrawableKey,
  ];
  const keyColumns = [...first.columns, ...second.columns];
  if (!keyColumns.every((c, i) => table.columns[i] === c && c.isPrimaryKey && c.isNotNull && c.comment === '' && c.defaultValue === null))
    return undefined;
  if (!sameSet(built.primaryKeys.get(oid) ?? [], [...first.constraint.columns, ...second.constraint.columns])) return undefined;
  const extras = table.columns.slice(keyColumns.length);
  if (extras.some((c) => c.isPrimaryKey)) return undefined;
  const a = first.constraint;
  const b = second.constraint;
  if (a.onDelete !== b.onDelete || a.onUpdate !== b.onUpdate || a.deferrable !== b.deferrable || a.deferred !== b.deferred)
    return undefined;
  if (table.schemaName !== first.parent.schemaName) return undefined;
  const taken = extras.map((c) => c.name);
  const expected = [first, second].flatMap((k) =>
    k.parentKey.map((pk) => {
      const name = uniqueName(foreignKeyColumnName(k.parent.name, pk.name), taken);
      taken.push(name);
      return name;
    }),
  );
  if (!expected.every((name, i) => keyColumns[i]!.name === name)) return undefined;
  // A junction has no names of its own to keep: its keys must carry the generator's names, and refer to primary keys.
  if (own.some((k) => k.referencedColumnIds) || !hasGeneratedNames(table, [first, second])) return undefined;
  const requiredTo = findRequiredChild(objects, oidOf, first.parent, first.parentKey, table, first.columns);
  const requiredFrom = findRequiredChild(objects, oidOf, second.parent, second.parentKey, table, second.columns);
  const takenObjects = [...(requiredTo ?? []), ...(requiredFrom ?? [])];
  const otherTriggers = objects.some((o) => o.kind === 'trigger' && o.tableOid === oid && !takenObjects.includes(o.oid));
  if (otherTriggers) return undefined;
  // The name the generator gives an unnamed junction (see model/junction.ts): kept empty, so renaming a table renames it too.
  const otherNames = [...built.tableByOid.values()].filter((t) => t !== table).map((t) => t.name);
  const defaultName = uniqueName(`${first.parent.name}_${second.parent.name}`, otherNames);
  const relationship: Relationship = {
    id: newId('rel'),
    name: '',
    from: { tableId: first.parent.id, min: requiredFrom ? 1 : 0, max: 'many' },
    to: { tableId: second.parent.id, min: requiredTo ? 1 : 0, max: 'many' },
    keyHolder: 'to',
    oneToOne: 'foreignKeyUnique',
    foreignKeyColumnIds: [],
    onDelete: catalogAction(a.onDelete),
    onUpdate: catalogAction(a.onUpdate),
    isDeferrable: a.deferrable,
    junction: { name: table.name === defaultName ? '' : table.name, columns: extras },
  };
  return { relationship, keys: [first, second], takenObjects };
}

/** True when the table's primary key and foreign keys carry the names `createJunctionTable` and `junctionStatements` give them. */
function hasGeneratedNames(table: Table, keys: readonly DrawableKey[]): boolean {
  const isKeyNamed = !table.primaryKeyName || table.primaryKeyName === fitIdentifier(table.name, 'pkey');
  return (
    isKeyNamed && keys.every((k) => k.constraint.name === fitIdentifier([table.name, ...k.columns.map((c) => c.name)].join('_'), 'fkey'))
  );
}
