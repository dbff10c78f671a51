import type { ClientBase } from 'pg';
import type { QueryResult, SqlRunner } from '../model/index.ts';

/** A SqlRunner over a node-postgres client: the proofs and DDL tests against a real server. */
export function postgresRunner(client: ClientBase): SqlRunner {
  return {
    async exec(sql) {
      await client.query(sql);
    },
    async query(sql): Promise<QueryResult> {
      const result = await client.query(sql);
      return { rows: result.rows as Record<string, unknown>[], fields: result.fields.map((f) => f.name) };
    },
  };
}
