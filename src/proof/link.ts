import {
  primaryKeyOf,
  type Column,
  type Junction,
  type Relationship,
  type RelationshipId,
  type ResolvedForeignKey,
  type Table,
} from '../model/index.ts';
import { defaultDdlOptions, qualifiedName, quoteIdent, type Statement } from '../ddl/index.ts';
import type { RowPlanner, RowValues } from './rowPlanner.ts';

/** A child row as SQL can find it again: its identifying columns and their values. */
export interface ChildRow {
  statements: string[];
  columns: string[];
  values: string[];
}

/**
 * What the action and commit scenarios need of a reference, whether a foreign key or one side of a
 * junction: the parent and its key, the child table and key columns, and how to insert a child.
 */
export interface Link {
  relationshipId: RelationshipId;
  relationship: Relationship;
  parent: Table;
  /** The referenced parent columns, in key order. */
  parentKey: Column[];
  childName: string;
  childRef: string;
  /** Child columns that reference `parentKey`, in the same order, with their defaults. */
  foreignKey: { name: string; defaultValue: string | null }[];
  /** Inserts a child row pointing at the parent row with this key. */
  insertChild(parentKey: RowValues): ChildRow;
  /** For a deferred key, `SET CONSTRAINTS … IMMEDIATE`, the last setup statement: the scenario's statement is then checked as COMMIT would check it. */
  checkNow: string[];
}

/**
 * A deferrable key is checked at COMMIT, which a proof never reaches: `SET CONSTRAINTS … IMMEDIATE` before the
 * statement under test makes PostgreSQL check it there, so an orphan is refused where the scenario means it
 * (the rollback to the scenario's savepoint defers the key again). None for a key checked at once.
 */
export function checkNow(statements: readonly Statement[], relationship: Relationship, schemaName: string): string[] {
  if (!relationship.isDeferrable) return [];
  const names = statements
    .filter((s) => s.kind === 'addForeignKey' && s.relationshipId === relationship.id && s.constraintName)
    .map((s) => qualifiedName(schemaName, s.constraintName!, defaultDdlOptions));
  return names.length === 0
    ? []
    : [`SET CONSTRAINTS ${[...new Set(names)].join(', ')} IMMEDIATE; -- the deferred key is checked at once, as COMMIT would`];
}

/** The link of a 1:N or 1:1. */
export function foreignKeyLink(r: ResolvedForeignKey, planner: RowPlanner, statements: readonly Statement[]): Link {
  const key = primaryKeyOf(r.child);
  return {
    relationshipId: r.relationship.id,
    relationship: r.relationship,
    parent: r.parent,
    parentKey: r.parentColumns,
    childName: r.child.name,
    childRef: qualifiedName(r.child.schemaName, r.child.name, defaultDdlOptions),
    foreignKey: r.columns.map((c) => ({ name: c.name, defaultValue: c.defaultValue })),
    checkNow: checkNow(statements, r.relationship, r.child.schemaName),
    insertChild(parentKey) {
      const row = planner.insert(r.child, new Map(r.columns.map((c, i) => [c.id, parentKey.get(r.parentColumns[i]!.id)!])));
      if (key.length > 0)
        return { statements: row.statements, columns: key.map((c) => c.name), values: key.map((c) => row.key.get(c.id)!) };
      // No primary key: the row is found by the fresh values it got outside the foreign key (which an action may change).
      const foreignKey = new Set(r.columns.map((c) => c.id));
      const own = r.child.columns.filter((c) => !foreignKey.has(c.id) && row.values.has(c.id) && row.values.get(c.id) !== 'NULL');
      return { statements: row.statements, columns: own.map((c) => c.name), values: own.map((c) => row.values.get(c.id)!) };
    },
  };
}

/** The two links of a many-to-many: `from` and `to`, each with the junction as the child. */
export function junctionLinks(j: Junction, planner: RowPlanner, statements: readonly Statement[]): [Link, Link] {
  const { from, to, fromKey, toKey, relationship } = j.resolved;
  const childRef = qualifiedName(j.schemaName, j.name, defaultDdlOptions);
  const keyColumns = [...j.fromColumns, ...j.toColumns].map((c) => c.name);
  const insertPair = (fromValues: string[], toValues: string[]): Omit<ChildRow, 'statements'> & { sql: string } => {
    const extra = planner.requiredValues(j.extraColumns, j.name);
    const values = [...fromValues, ...toValues];
    const sql = `INSERT INTO ${childRef} (${[...keyColumns.map(quoteIdent), ...extra.keys()].join(', ')}) VALUES (${[...values, ...extra.values()].join(', ')});`;
    return { sql, columns: keyColumns, values };
  };
  const side = (parent: Table, parentKey: Column[], own: Junction['fromColumns'], isFrom: boolean): Link => ({
    relationshipId: relationship.id,
    relationship,
    parent,
    parentKey,
    childName: j.name,
    childRef,
    foreignKey: own.map((c) => ({ name: c.name, defaultValue: null })),
    checkNow: checkNow(statements, relationship, j.schemaName),
    insertChild(parentValues) {
      const otherTable = isFrom ? to : from;
      const otherKey = isFrom ? toKey : fromKey;
      const other = planner.insert(otherTable);
      const mine = parentKey.map((c) => parentValues.get(c.id)!);
      const theirs = otherKey.map((c) => other.key.get(c.id)!);
      const pair = isFrom ? insertPair(mine, theirs) : insertPair(theirs, mine);
      return { statements: [...other.statements, pair.sql], columns: pair.columns, values: pair.values };
    },
  });
  return [side(from, fromKey, j.fromColumns, true), side(to, toKey, j.toColumns, false)];
}
