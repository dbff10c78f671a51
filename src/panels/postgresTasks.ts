import { createContext, useContext } from 'react';
import type { ImportResult } from '../io/importSql.ts';
import type { RelationshipId, Schema } from '../model/index.ts';
import type { ConsoleResult, Trace } from '../proof/index.ts';

/** What panels may ask of the browser's PostgreSQL; the app provides it (panels never see the workers). */
export interface PostgresTasks {
  trace(schema: Schema, relationshipId: RelationshipId): Promise<Trace>;
  runConsole(schema: Schema, sql: string): Promise<ConsoleResult>;
  /** Reads a SQL script into a new schema in a PostgreSQL apart from the proofs'. */
  importSql(sql: string): Promise<ImportResult>;
}

const unavailable = () => Promise.reject(new Error('PostgreSQL is not available here.'));

/** Set by the app around the panels. */
export const PostgresTasksContext = createContext<PostgresTasks>({ trace: unavailable, runConsole: unavailable, importSql: unavailable });

/** The browser's PostgreSQL, for the step-through and the SQL console. */
export const usePostgresTasks = () => useContext(PostgresTasksContext);
