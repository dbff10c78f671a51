import { addsUniqueConstraint, type ReferentialAction, type Relationship, type ResolvedForeignKey } from '../model/index.ts';
import type { NameAllocator } from './constraintNames.ts';
import type { Junction } from '../model/index.ts';
import type { DdlOptions } from './options.ts';
import { quoteIdent } from './quoteIdent.ts';
import { requiredChildStatements } from './requiredChild.ts';
import { unlessEquivalentExists } from './equivalentConstraint.ts';
import { identList, qualifiedName } from './sqlText.ts';
import type { Statement } from './statement.ts';
import { columnDefinition, createTableSql } from './tableStatements.ts';

/** ON DELETE / ON UPDATE (omitted when NO ACTION, the default), DEFERRABLE and NOT VALID. */
function clauses(rel: Relationship): string {
  const action = (clause: string, a: ReferentialAction) => (a === 'no action' ? '' : `\n  ${clause} ${a.toUpperCase()}`);
  const deferrable = rel.isDeferrable ? '\n  DEFERRABLE INITIALLY DEFERRED' : '';
  const notValid = rel.isNotValid ? '\n  NOT VALID' : '';
  return action('ON DELETE', rel.onDelete) + action('ON UPDATE', rel.onUpdate) + deferrable + notValid;
}

/** `ALTER TABLE child ADD CONSTRAINT name FOREIGN KEY (...) REFERENCES parent (...)` with the relationship's clauses. */
function addForeignKeySql(
  childRef: string,
  name: string,
  columns: readonly string[],
  parentRef: string,
  parentColumns: readonly string[],
  rel: Relationship,
  options: DdlOptions,
): string {
  const references = `REFERENCES ${parentRef} (${identList(parentColumns)})`;
  return unlessEquivalentExists(
    `ALTER TABLE ${childRef}\n  ADD CONSTRAINT ${quoteIdent(name)} FOREIGN KEY (${identList(columns)})\n  ${references}${clauses(rel)};`,
    { kind: 'foreignKey', tableRef: childRef, columns, parentRef, parentColumns },
    options,
  );
}

/** A 1:N or 1:1: UNIQUE where the child end's max is 1, the foreign key, and triggers for a mandatory child end. */
export function foreignKeyStatements(r: ResolvedForeignKey, names: NameAllocator, options: DdlOptions): Statement[] {
  const relationshipId = r.relationship.id;
  const childRef = qualifiedName(r.child.schemaName, r.child.name, options);
  const parentRef = qualifiedName(r.parent.schemaName, r.parent.name, options);
  const columns = r.columns.map((c) => c.name);
  const statements: Statement[] = [];
  if (addsUniqueConstraint(r)) {
    const constraintName = r.relationship.uniqueConstraintName || names.allocate(r.child.name, columns, 'key');
    const sql = unlessEquivalentExists(
      `ALTER TABLE ${childRef}\n  ADD CONSTRAINT ${quoteIdent(constraintName)} UNIQUE (${identList(columns)});`,
      { kind: 'unique', tableRef: childRef, columns },
      options,
    );
    statements.push({ kind: 'addUnique', relationshipId, tableId: r.child.id, constraintName, sql });
  }
  const constraintName = r.relationship.constraintName || names.allocate(r.child.name, columns, 'fkey');
  const sql = addForeignKeySql(
    childRef,
    constraintName,
    columns,
    parentRef,
    r.parentColumns.map((c) => c.name),
    r.relationship,
    options,
  );
  statements.push({ kind: 'addForeignKey', relationshipId, tableId: r.child.id, constraintName, sql });
  if (r.childEnd.min === 1) {
    statements.push(
      ...requiredChildStatements(
        {
          relationshipId,
          parent: {
            tableId: r.parent.id,
            schemaName: r.parent.schemaName,
            name: r.parent.name,
            ref: parentRef,
            key: r.parentColumns.map((c) => c.name),
          },
          child: { name: r.child.name, ref: childRef, columns },
          childEnd: r.childEnd,
        },
        names,
        options,
      ),
    );
  }
  return statements;
}

/** CREATE TABLE for a many-to-many's junction: both keys as its primary key, then the user's own columns. */
export function createJunctionTable(j: Junction, names: NameAllocator, options: DdlOptions): Statement {
  const keys = [...j.fromColumns, ...j.toColumns];
  const lines = [
    ...keys.map((c) => `  ${quoteIdent(c.name)} ${c.type} NOT NULL`),
    ...j.extraColumns.map((c) => `  ${columnDefinition({ ...c, isPrimaryKey: false }, c.isNotNull)}`),
  ];
  lines.push(`  CONSTRAINT ${quoteIdent(names.allocate(j.name, [], 'pkey'))} PRIMARY KEY (${identList(keys.map((c) => c.name))})`);
  return { kind: 'createJunctionTable', relationshipId: j.relationshipId, sql: createTableSql(j.schemaName, j.name, lines, options) };
}

/** The junction's two foreign keys, and triggers where an end is mandatory ("each student takes one or many courses"). */
export function junctionStatements(j: Junction, names: NameAllocator, options: DdlOptions): Statement[] {
  const { relationship, from, to } = j.resolved;
  const junctionRef = qualifiedName(j.schemaName, j.name, options);
  const sides = [
    { columns: j.fromColumns, parent: from, otherEnd: relationship.to },
    { columns: j.toColumns, parent: to, otherEnd: relationship.from },
  ];
  const statements: Statement[] = sides.map(({ columns, parent }) => {
    const own = columns.map((c) => c.name);
    const constraintName = names.allocate(j.name, own, 'fkey');
    const parentRef = qualifiedName(parent.schemaName, parent.name, options);
    const sql = addForeignKeySql(
      junctionRef,
      constraintName,
      own,
      parentRef,
      columns.map((c) => c.references.name),
      relationship,
      options,
    );
    return { kind: 'addForeignKey' as const, relationshipId: j.relationshipId, constraintName, sql };
  });
  for (const { columns, parent, otherEnd } of sides) {
    if (otherEnd.min !== 1) continue;
    const parentRef = qualifiedName(parent.schemaName, parent.name, options);
    statements.push(
      ...requiredChildStatements(
        {
          relationshipId: j.relationshipId,
          parent: {
            tableId: parent.id,
            schemaName: parent.schemaName,
            name: parent.name,
            ref: parentRef,
            key: columns.map((c) => c.references.name),
          },
          child: { name: j.name, ref: junctionRef, columns: columns.map((c) => c.name) },
          childEnd: otherEnd,
        },
        names,
        options,
      ),
    );
  }
  return statements;
}
