import type { PGliteInterface } from '@electric-sql/pglite';
import type { QueryResult, ScriptRunner } from '../model/index.ts';

/** A SqlRunner over PGlite: the same code serves Node (tests, command line) and the browser's worker. */
export function pgliteRunner(pg: PGliteInterface): ScriptRunner {
  return {
    async exec(sql) {
      await pg.exec(sql);
    },
    async query(sql): Promise<QueryResult> {
      const result = await pg.query<Record<string, unknown>>(sql);
      return { rows: result.rows, fields: result.fields.map((f) => f.name) };
    },
    async script(sql) {
      const results = await pg.exec(sql, { rowMode: 'array' });
      return results.map((r) => ({ fields: r.fields.map((f) => f.name), rows: r.rows as unknown[][], ...(r.affectedRows !== undefined ? { affectedRows: r.affectedRows } : {}) }));
    },
  };
}
