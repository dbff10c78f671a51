import { defaultDdlOptions, qualifiedName, quoteIdent } from '../ddl/index.ts';
import type { Column, ReferentialAction, Relationship, Table } from '../model/index.ts';
import type { CatalogConstraint } from './readCatalog.ts';
import type { CatalogSqlObject } from './readSqlObjects.ts';

const actionByCatalogCode: Readonly<Record<string, ReferentialAction>> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

/** The referential action pg_constraint's one-letter code (`confdeltype`, `confupdtype`) stands for. */
export function catalogAction(code: string): ReferentialAction {
  return actionByCatalogCode[code] ?? 'no action';
}

/** A foreign key the diagram can draw: it refers to the parent's whole primary key, or to a UNIQUE set of it. */
export interface DrawableKey {
  constraint: CatalogConstraint;
  child: Table;
  parent: Table;
  /** Child columns, in the order of the parent's referenced columns (the primary key in its own order). */
  columns: Column[];
  parentKey: Column[];
  /** The parent's columns when the key refers to an alternate key (a UNIQUE set) rather than the primary key. */
  referencedColumnIds?: Column['id'][];
}

/** A key drawn as a 1:N or 1:1, with the unique sets its 1:1 takes from the table. */
export interface DrawnKey {
  key: DrawableKey;
  relationship: Relationship;
  takenSets: string[];
}

/** Same members, any order. */
export function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The part of a required-child trigger's body that names its parent, child and key columns (see ddl/requiredChild.ts). */
export function requiredChildCheck(
  parent: Table,
  parentKey: readonly string[],
  child: Table,
  childColumns: readonly string[],
  values: readonly string[],
): string {
  const ref = (t: Table) => qualifiedName(t.schemaName, t.name, defaultDdlOptions);
  const qualified = (alias: string, columns: readonly string[]) => columns.map((c) => `${alias}.${quoteIdent(c)}`).join(', ');
  return (
    `EXISTS (SELECT 1 FROM ${ref(parent)} AS p WHERE (${qualified('p', parentKey)}) = (${values.join(', ')}))\n` +
    `     AND NOT EXISTS (SELECT 1 FROM ${ref(child)} AS c WHERE (${qualified('c', childColumns)}) = (${values.join(', ')})) THEN`
  );
}

/**
 * Finds the pair of deferred constraint triggers the DDL generator writes for a mandatory child end
 * ("each parent has at least one child"), returning their and their functions' oids, or undefined.
 */
export function findRequiredChild(
  objects: readonly CatalogSqlObject[],
  oidOf: (t: Table) => string,
  parent: Table,
  parentKey: readonly Column[],
  child: Table,
  columns: readonly Column[],
): string[] | undefined {
  const key = parentKey.map((c) => c.name);
  const own = columns.map((c) => c.name);
  const onParent = requiredChildCheck(
    parent,
    key,
    child,
    own,
    key.map((c) => `NEW.${quoteIdent(c)}`),
  );
  const onChild = requiredChildCheck(
    parent,
    key,
    child,
    own,
    own.map((c) => `OLD.${quoteIdent(c)}`),
  );
  const find = (table: Table, check: string) =>
    objects.find((t) => {
      if (t.kind !== 'trigger' || !t.isConstraintTrigger || t.tableOid !== oidOf(table)) return false;
      const fn = objects.find((f) => f.kind === 'function' && f.oid === t.functionOid);
      return fn?.source?.includes(check) && fn.source.includes(`ERRCODE = 'foreign_key_violation'`) ? true : false;
    });
  const a = find(parent, onParent);
  const b = find(child, onChild);
  return a && b ? [a.oid, a.functionOid!, b.oid, b.functionOid!] : undefined;
}

/** `ALTER TABLE child ADD CONSTRAINT name FOREIGN KEY ...`: a key kept as text. */
export function keptKeySql(child: Table, k: CatalogConstraint): string {
  return `ALTER TABLE ${qualifiedName(child.schemaName, child.name, defaultDdlOptions)}\n  ADD CONSTRAINT ${quoteIdent(k.name)} ${k.definition};`;
}
