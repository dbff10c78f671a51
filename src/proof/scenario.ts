import type { RelationshipId, SqlError } from '../model/index.ts';

/** SQLSTATEs a relationship's constraints raise, with PostgreSQL's condition names. */
export const sqlStateNames: Record<string, string> = {
  '23001': 'restrict_violation',
  '23502': 'not_null_violation',
  '23503': 'foreign_key_violation',
  '23505': 'unique_violation',
  '23514': 'check_violation',
};

/** What a scenario expects PostgreSQL to do with its last statement; `orCode` where versions differ (RESTRICT is 23001 from PostgreSQL 18). */
export type Expectation = { outcome: 'accepted' } | { outcome: 'rejected'; code: string; orCode?: string };

/** What PostgreSQL actually did. */
export type Actual = { outcome: 'accepted' } | { outcome: 'rejected'; error: SqlError };

/** The kinds of promise a relationship makes. */
export type ScenarioKind =
  'validChild' | 'secondChild' | 'orphanChild' | 'nullForeignKey' | 'parentWithoutChild' | 'deleteParent' | 'updateParentKey';

/** A check after an accepted statement: a query whose single row has a boolean `ok`. */
export interface Verification {
  sql: string;
  /** What must be true, in words ("the book is deleted with its author"). */
  expectation: string;
}

/** One promise of a relationship, as SQL: setup statements that must succeed, then the statement under test. */
export interface Scenario {
  id: string;
  relationshipId: RelationshipId;
  kind: ScenarioKind;
  /** What is tried, in plain words. */
  title: string;
  /** Which end or action of the diagram makes the promise, in plain words. */
  because: string;
  setup: string[];
  test: string;
  expected: Expectation;
  /** For an accepted statement whose effect matters (CASCADE, SET NULL...). */
  verify?: Verification;
  /** The child's foreign-key columns: a second child refused by a UNIQUE over more than these broke a rule of the sample rows, not of the relationship. */
  keyColumns?: string[];
}

/** A scenario that could not be built, with the reason (never counted as a failure of the relationship). */
export interface UnbuildableScenario {
  id: string;
  relationshipId: RelationshipId;
  kind: ScenarioKind;
  title: string;
  notProvable: string;
}

/** passed: PostgreSQL did what the diagram says; failed: it did not; notProvable: the scenario could not be run honestly. */
export type Verdict = 'passed' | 'failed' | 'notProvable';

/** A scenario's outcome. */
export interface ScenarioResult {
  id: string;
  relationshipId: RelationshipId;
  kind: ScenarioKind;
  title: string;
  because: string;
  /** Every statement run, setup first. */
  sql: string[];
  expected: Expectation | null;
  actual: Actual | null;
  verdict: Verdict;
  /** Why a scenario is not provable, or what went wrong in a failed verification. */
  reason?: string;
  /** What was checked after the statement, when anything was. */
  verified?: string;
}

function nameOf(code: string): string {
  return `${code} (${sqlStateNames[code] ?? 'error'})`;
}

/** "rejected with 23505 (unique_violation)" / "accepted". */
export function describeExpectation(e: Expectation): string {
  if (e.outcome === 'accepted') return 'accepted';
  return `rejected with ${nameOf(e.code)}${e.orCode ? ` or ${nameOf(e.orCode)}` : ''}`;
}

/** "rejected with 23505 (unique_violation)" / "accepted". */
export function describeActual(a: Actual): string {
  return a.outcome === 'accepted' ? 'accepted' : `rejected with ${nameOf(a.error.code)}`;
}

/** Whether PostgreSQL did what was expected. */
export function matchesExpectation(expected: Expectation, actual: Actual): boolean {
  if (expected.outcome === 'accepted') return actual.outcome === 'accepted';
  return actual.outcome === 'rejected' && (actual.error.code === expected.code || actual.error.code === expected.orCode);
}

/** Error classes that mean a relationship's constraint answered, as opposed to a bad sample row. */
const judgedCodes = new Set(['23001', '23502', '23503', '23505']);

/**
 * The verdict on a scenario's statement under test, and why when it is not a pass: a refusal for a
 * reason unrelated to the relationship (a CHECK on a sample row) makes it not provable, never failed.
 */
export function judge(expected: Expectation, actual: Actual, keyColumns?: readonly string[]): { verdict: Verdict; reason?: string } {
  if (matchesExpectation(expected, actual)) return { verdict: 'passed' };
  const beyondKey = uniqueBeyondKey(actual, keyColumns);
  if (expected.outcome === 'accepted' && beyondKey) {
    return {
      verdict: 'notProvable',
      reason: `the sample rows collide on ${beyondKey}, which holds more than this relationship's key; the sample rows could not tell the two children apart there`,
    };
  }
  if (actual.outcome === 'rejected' && !judgedCodes.has(actual.error.code)) {
    return {
      verdict: 'notProvable',
      reason: `the sample row broke a rule unrelated to this relationship (${actual.error.code}: ${actual.error.message})`,
    };
  }
  return { verdict: 'failed' };
}

/**
 * For a row refused as a duplicate: the UNIQUE it broke (`"rules_key" (subscription_id, type)`) when
 * that covers columns beyond the relationship's key, else undefined. A UNIQUE within the key is the
 * relationship's own business (a "many" end made unique), and a failure stays a failure.
 */
function uniqueBeyondKey(actual: Actual, keyColumns: readonly string[] | undefined): string | undefined {
  if (!keyColumns || actual.outcome !== 'rejected' || actual.error.code !== '23505') return undefined;
  const columns = /^Key \((.*)\)=\(/.exec(actual.error.detail ?? '')?.[1];
  if (columns === undefined) return undefined;
  const names = columns.split(', ').map((c) => c.replace(/^"(.*)"$/, '$1').replaceAll('""', '"'));
  if (names.every((n) => keyColumns.includes(n))) return undefined;
  return `"${actual.error.constraint ?? 'a unique index'}" (${columns})`;
}
