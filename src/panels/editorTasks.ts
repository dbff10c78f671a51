import { createContext, useContext } from 'react';
import type { ImportResult } from '../io/importSql.ts';
import type { RelationshipId, Schema } from '../model/index.ts';
import type { ConsoleResult, MigrationProofReport, MigrationUnderProof, Trace } from '../proof/index.ts';

/** Where an import comes from and what it is: the format is guessed from the name and text when left out. */
export interface ImportOptions {
  format?: 'sql' | 'dbml';
  isFromDialog?: boolean;
}

/** What panels may ask of the world outside the store (the browser's PostgreSQL, the importer); the app provides it, so panels never see the workers. */
export interface EditorTasks {
  trace(schema: Schema, relationshipId: RelationshipId): Promise<Trace>;
  runConsole(schema: Schema, sql: string): Promise<ConsoleResult>;
  /** Proves a migration in the browser's PostgreSQL: the catalog, the rows, the relationships, the way back. */
  proveMigration(from: Schema, to: Schema, migration: MigrationUnderProof): Promise<MigrationProofReport>;
  /** Reads a SQL script into a new schema in a PostgreSQL apart from the proofs'. */
  importSql(sql: string): Promise<ImportResult>;
  /** Imports SQL or DBML text as a new document; resolves true when imported (on an error the import dialog says why). */
  importText(fileName: string, text: string, options?: ImportOptions): Promise<boolean>;
}

const unavailable = () => Promise.reject(new Error('PostgreSQL is not available here.'));

/** Set by the app around the panels. */
export const EditorTasksContext = createContext<EditorTasks>({
  trace: unavailable,
  runConsole: unavailable,
  proveMigration: unavailable,
  importSql: unavailable,
  importText: unavailable,
});

/** The browser's PostgreSQL and the importer, for the step-through, the SQL console and the import dialog. */
export const useEditorTasks = () => useContext(EditorTasksContext);
