import type { RelationshipId, TableId } from '../model/index.ts';

/** What a statement is for, so panels, proofs and error reports can point at it. */
export type StatementKind = 'createTable' | 'createJunctionTable' | 'addUnique' | 'addForeignKey' | 'note';

/** One piece of generated DDL with what it implements. Joined into text only at the edge. */
export interface Statement {
  kind: StatementKind;
  sql: string;
  tableId?: TableId;
  relationshipId?: RelationshipId;
}

/** Joins statements into a script, one blank line apart. */
export function toSqlText(statements: readonly Statement[]): string {
  return statements.map((s) => s.sql).join('\n\n') + (statements.length > 0 ? '\n' : '');
}
