import type { SqlRunner } from '../model/index.ts';
import { requireSqlError } from './scratchSchema.ts';

/** Attempts per round trip into PGlite: a few hundred inserts, well under a second of work. */
const attemptsPerBatch = 200;

/** The savepoint that holds everything kept so far while attempts run in groups. */
const kept = 'kept_attempts';

/**
 * Runs attempts in order, each kept whole or undone whole (its own savepoint), inside the caller's
 * transaction; returns why PostgreSQL refused each one (`code: message`), or undefined for those it kept.
 * Where the runner sends groups in one round trip (PGlite), each attempt is one group that first rolls back
 * to the savepoint `kept` (undoing a refused attempt before it, and nothing after a kept one) and ends by
 * moving `kept` past its rows: hundreds of attempts cost a few calls instead of three each.
 */
export async function attemptEach(db: SqlRunner, attempts: readonly (readonly string[])[]): Promise<(string | undefined)[]> {
  if (!db.execGroups) return oneByOne(db, attempts);
  const refusals: (string | undefined)[] = [];
  await db.exec(`SAVEPOINT ${kept}`);
  for (let at = 0; at < attempts.length; at += attemptsPerBatch) {
    const batch = attempts.slice(at, at + attemptsPerBatch);
    const outcomes = await db.execGroups(
      batch.map((statements) => [`ROLLBACK TO SAVEPOINT ${kept}`, ...statements, `RELEASE SAVEPOINT ${kept}`, `SAVEPOINT ${kept}`]),
    );
    outcomes.forEach((outcome, i) => {
      if (outcome.error === undefined) return refusals.push(undefined);
      const failedAt = outcome.failedAt ?? 0;
      // Only the attempt's own statements may be refused: a refused savepoint command means the transaction is not what this assumes.
      if (failedAt === 0 || failedAt > batch[i]!.length) throw outcome.error;
      const e = requireSqlError(outcome.error);
      return refusals.push(`${e.code}: ${e.message}`);
    });
  }
  await db.execEach([`ROLLBACK TO SAVEPOINT ${kept}`, `RELEASE SAVEPOINT ${kept}`]);
  return refusals;
}

/** Each attempt from its own savepoint, three calls each: for runners that send one statement list at a time. */
async function oneByOne(db: SqlRunner, attempts: readonly (readonly string[])[]): Promise<(string | undefined)[]> {
  const refusals: (string | undefined)[] = [];
  for (const statements of attempts) {
    await db.exec('SAVEPOINT attempt');
    try {
      await db.execEach(statements);
      await db.exec('RELEASE SAVEPOINT attempt');
      refusals.push(undefined);
    } catch (error) {
      const e = requireSqlError(error);
      await db.exec('ROLLBACK TO SAVEPOINT attempt');
      refusals.push(`${e.code}: ${e.message}`);
    }
  }
  return refusals;
}
