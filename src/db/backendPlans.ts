import type { PGlite } from '@electric-sql/pglite';

/**
 * Cached plans past which a fresh PGlite (about half a second to start) pays for itself: some 220
 * proofs of the example, two of 200 relationships. Each cached plan slows every later DDL statement a little.
 */
export const maxCachedPlans = 2000;

/** How many query plans PGlite's backend holds (`pg_backend_memory_contexts`). */
export async function cachedPlanCount(pg: PGlite): Promise<number> {
  const { rows } = await pg.query<{ plans: number }>(
    `SELECT count(*)::int AS plans FROM pg_backend_memory_contexts WHERE name = 'CachedPlanSource'`,
  );
  return rows[0]!.plans;
}

/**
 * Whether to replace this PGlite by a fresh one between proofs. Its one backend never ends, and
 * PostgreSQL frees the plans it cached for a foreign key, and a PL/pgSQL function's compiled code, only
 * when the session ends, not when the constraint or function is rolled back. So every proof leaves
 * some behind (9 for the example, about 1,100 and 10 MB for 200 relationships), and every later DDL
 * statement walks them all: proofs slow down and memory grows until a fresh start.
 */
export async function needsFreshBackend(pg: PGlite): Promise<boolean> {
  return (await cachedPlanCount(pg)) > maxCachedPlans;
}

/** Proofs and traces between two checks of the cached plans, when each is quick (a check costs up to ~60 ms). */
export const planCheckEvery = 10;
/** A task this long (a large document) may have left a thousand plans: check after every one. */
export const planCheckAfterMs = 300;

/**
 * When to ask `needsFreshBackend`: every `planCheckEvery` quick tasks, and after every slow one,
 * since a single proof of 200 relationships caches some 1,100 plans. Returns a function fed each task's duration.
 */
export function planCheckSchedule(): (taskMs: number) => boolean {
  let quickTasks = 0;
  return (taskMs) => {
    if (taskMs < planCheckAfterMs && ++quickTasks < planCheckEvery) return false;
    quickTasks = 0;
    return true;
  };
}
