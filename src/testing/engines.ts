import pg from 'pg';
import { inject } from 'vitest';
import { postgresRunner } from '../db/index.ts';
import { asSqlError, parseSql, type SqlRunner } from '../model/index.ts';
import { testRunner } from './testDatabase.ts';

/** A database the DDL tests run on: PGlite always, a real PostgreSQL when the run started one. */
export interface Engine {
  name: string;
  runner(): Promise<SqlRunner>;
}

let client: Promise<pg.Client> | undefined;

const postgres: Engine = {
  name: 'PostgreSQL server',
  async runner() {
    client ??= (async () => {
      const c = new pg.Client({ connectionString: inject('postgresUrl')! });
      await c.connect();
      c.on('notice', () => {});
      return c;
    })();
    return postgresRunner(await client);
  },
};

/** The engines to run on, with the real server marked skipped (and why) when it is not there. */
export const engines: { engine: Engine; skip: string | false }[] = [
  { engine: { name: 'PGlite', runner: testRunner }, skip: false },
  { engine: postgres, skip: inject('postgresUrl') ? false : inject('postgresSkipReason') },
];

/** Closes the server connection; call from afterAll. */
export async function closeEngines(): Promise<void> {
  if (client) await (await client).end();
  client = undefined;
}

/** A script's statements as PostgreSQL splits them, each to be sent in a message of its own. */
export function statementsOf(script: string): string[] {
  const parsed = parseSql(script);
  if ('error' in parsed) throw new Error(`the script is not SQL PostgreSQL can read: ${parsed.error.message}`);
  return parsed.statements.map((s) => s.text);
}

/** What happened to one statement: 'ok' or its SQLSTATE. */
export type Outcome = 'ok' | string;

/**
 * Runs DDL in a fresh schema inside a transaction that is always rolled back, then each check in
 * its own savepoint; returns each check's outcome. Checks see the rows of the checks before them.
 */
export async function runChecks(runner: SqlRunner, ddl: string, checks: readonly string[]): Promise<Outcome[]> {
  await runner.exec('BEGIN');
  try {
    await runner.execEach(['CREATE SCHEMA scratch', 'SET LOCAL search_path TO scratch', ...statementsOf(ddl)]);
    const outcomes: Outcome[] = [];
    for (const sql of checks) {
      await runner.exec('SAVEPOINT check_step');
      try {
        await runner.execEach(statementsOf(sql));
        await runner.exec('RELEASE SAVEPOINT check_step');
        outcomes.push('ok');
      } catch (error) {
        await runner.exec('ROLLBACK TO SAVEPOINT check_step');
        outcomes.push(asSqlError(error)?.code ?? `not a PostgreSQL error: ${String(error)}`);
      }
    }
    return outcomes;
  } finally {
    await runner.exec('ROLLBACK');
  }
}
