import type { ColumnId, Problem, RelationshipId, TableId } from '../model/index.ts';

/** What a migration step does, so the app, the CLI and the proofs can list and point at it. */
export type MigrationStepKind =
  | 'dropView'
  | 'dropTrigger'
  | 'dropForeignKey'
  | 'dropConstraint'
  | 'dropIndex'
  | 'dropTable'
  | 'dropColumn'
  | 'dropRoutine'
  | 'setting'
  | 'createRoutine'
  | 'replaceRoutine'
  | 'createSchema'
  | 'createType'
  | 'renameType'
  | 'moveType'
  | 'addEnumValue'
  | 'renameEnumValue'
  | 'replaceType'
  | 'renameTable'
  | 'moveTable'
  | 'renameColumn'
  | 'renameConstraint'
  | 'renameIndex'
  | 'alterColumn'
  | 'createTable'
  | 'addColumn'
  | 'fillColumn'
  | 'setNotNull'
  | 'addPrimaryKey'
  | 'addUnique'
  | 'addForeignKey'
  | 'addCheck'
  | 'addConstraint'
  | 'createIndex'
  | 'createTrigger'
  | 'comment'
  | 'createView'
  | 'createKeptObject'
  | 'dropKeptObject'
  | 'dropType'
  | 'dropSchema';

/** One statement of a migration with what it changes; joined into text only at the edge, like the DDL's statements. */
export interface MigrationStep {
  kind: MigrationStepKind;
  sql: string;
  tableId?: TableId;
  columnId?: ColumnId;
  relationshipId?: RelationshipId;
  /** Why this step can destroy data that is there now (a dropped column's values); absent when it cannot. */
  losesData?: string;
  /** Why this step can fail on rows that are there now (SET NOT NULL over NULLs, a new UNIQUE over duplicates). */
  rejectsRows?: string;
  /** A note for the person running it, written above the statement. */
  comment?: string;
}

/** A table or column that disappeared while one alike appeared: maybe a rename, for the user to confirm. */
export interface ProposedRename {
  kind: 'table' | 'column';
  /** The key (table id or column id) in `from`, and the one in `to`. */
  fromKey: string;
  toKey: string;
  /** Human-readable: `public.customers` -> `public.clients`. */
  description: string;
}

/** A migration between two schemas: up reaches `to` from `from`, down goes back. */
export interface Migration {
  up: MigrationStep[];
  down: MigrationStep[];
  proposedRenames: ProposedRename[];
  /** Errors in either schema that block its DDL, and so the migration (then up and down are empty). */
  problems: Problem[];
}

/** Steps that can lose or reject existing data, to list apart from the script. */
export function riskySteps(steps: readonly MigrationStep[]): MigrationStep[] {
  return steps.filter((s) => s.losesData !== undefined || s.rejectsRows !== undefined);
}

/** Text as `--` lines: PostgreSQL ends such a comment at a carriage return as at a line feed, so both start a new `--` line. */
function commentLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((l) => `-- ${l}`);
}

/** Joins steps into a script: each risky step preceded by a comment saying what it can do to existing rows. */
export function toMigrationSql(steps: readonly MigrationStep[]): string {
  const text = steps.map((s) => {
    const lines = [
      ...(s.losesData ? commentLines(`DATA LOSS: ${s.losesData}`) : []),
      ...(s.rejectsRows ? commentLines(`MAY REJECT ROWS: ${s.rejectsRows}`) : []),
      ...(s.comment ? commentLines(s.comment) : []),
      ...(s.sql ? [s.sql] : []),
    ];
    return lines.join('\n');
  });
  return text.join('\n\n') + (steps.length > 0 ? '\n' : '');
}
