import type { RelationshipId, TableId } from '../model/index.ts';

/** What a statement is for, so panels, proofs and error reports can point at it. */
export type StatementKind =
  | 'transaction'
  | 'setting'
  | 'createSchema'
  | 'createType'
  | 'createTable'
  | 'createJunctionTable'
  | 'addUnique'
  | 'addCheck'
  | 'setDefault'
  | 'addForeignKey'
  | 'createFunction'
  | 'createTrigger'
  | 'createIndex'
  | 'comment'
  | 'note'
  | 'sqlObject';

/** One piece of generated DDL with what it implements. Joined into text only at the edge. */
export interface Statement {
  kind: StatementKind;
  sql: string;
  tableId?: TableId;
  relationshipId?: RelationshipId;
  /** The constraint or constraint trigger it creates, so proofs can name it (SET CONSTRAINTS name IMMEDIATE). */
  constraintName?: string;
  /** For kind `sqlObject`: which kept-as-text object (`Schema.sqlObjects`) it is. */
  sqlObjectId?: string;
}

/** Joins statements into a script, one blank line apart. */
export function toSqlText(statements: readonly Statement[]): string {
  return statements.map((s) => s.sql).join('\n\n') + (statements.length > 0 ? '\n' : '');
}

/** The statements that implement one relationship: its constraints, junction table and triggers. */
export function statementsFor(statements: readonly Statement[], relationshipId: RelationshipId): Statement[] {
  return statements.filter((s) => s.relationshipId === relationshipId);
}
