import type { DbColumn, DbConstraint } from './databaseObjectTypes.ts';

/**
 * Every constraint with the same fields in the same order: the plan reads thousands of them, and one shape
 * keeps those reads fast (seven shapes made each property read a dictionary lookup).
 */
export function constraintObject(c: DbConstraint): DbConstraint {
  return {
    key: c.key,
    tableKey: c.tableKey,
    kind: c.kind,
    name: c.name,
    columns: c.columns,
    expression: c.expression,
    references: c.references,
    clauses: c.clauses,
    inline: c.inline,
    definition: c.definition,
    sql: c.sql,
    relationshipId: c.relationshipId,
  };
}

/** What a column object holds but its ADD COLUMN text. */
export type ColumnFacts = Omit<DbColumn, 'definition' | 'nullableDefinition'>;

/** A column with one shape for tables and junctions alike, with its ADD COLUMN text with and without NOT NULL. */
export function columnObject(c: ColumnFacts, definitionOf: (withNotNull: boolean) => string): DbColumn {
  return {
    key: c.key,
    name: c.name,
    type: c.type,
    typeKey: c.typeKey,
    collation: c.collation,
    notNull: c.notNull,
    defaultValue: c.defaultValue,
    identity: c.identity,
    identityOptions: c.identityOptions,
    generated: c.generated,
    comment: c.comment,
    definition: definitionOf(true),
    nullableDefinition: definitionOf(false),
  };
}
