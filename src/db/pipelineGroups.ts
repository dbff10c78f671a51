import type { PGlite } from '@electric-sql/pglite';
import type { GroupOutcome } from '../model/index.ts';
import { pipelineRequest } from './pipeline.ts';

/**
 * Runs groups of statements in one call into WebAssembly, each group a pipeline closed by its own Sync:
 * a refused statement skips only the rest of its group, and the next group runs (inside a transaction
 * block, after a ROLLBACK TO SAVEPOINT that ends the aborted state). Thousands of proof scenarios then
 * cost a few calls instead of two each. Each outcome gives the rows of the group's last query, text-encoded.
 */
export async function runPipelineGroups(pg: PGlite, groups: readonly (readonly string[])[]): Promise<GroupOutcome[]> {
  const nonEmpty = groups.map((g) => (g.length === 0 ? ['SELECT 1 WHERE false'] : g));
  const { messages } = await pg.execProtocol(pipelineRequest(nonEmpty), { throwOnError: false });
  const outcomes: GroupOutcome[] = [];
  let current: GroupOutcome = { rows: [] };
  let done = 0;
  for (const m of messages) {
    if (m.name === 'commandComplete' || m.name === 'emptyQuery') done++;
    else if (m.name === 'rowDescription') current.rows = [];
    else if (m.name === 'dataRow') current.rows.push((m as unknown as { fields: (string | null)[] }).fields);
    else if (m.name === 'error' && current.error === undefined) Object.assign(current, { error: m, failedAt: done });
    else if (m.name === 'readyForQuery') {
      outcomes.push(current);
      current = { rows: [] };
      done = 0;
    }
  }
  return outcomes;
}
