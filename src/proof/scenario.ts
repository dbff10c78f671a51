import type { RelationshipId, SqlError } from '../model/index.ts';

/** SQLSTATEs a relationship's constraints raise, with PostgreSQL's condition names. */
export const sqlStateNames: Record<string, string> = {
  '23502': 'not_null_violation',
  '23503': 'foreign_key_violation',
  '23505': 'unique_violation',
  '23514': 'check_violation',
};

/** What a scenario expects PostgreSQL to do with its last statement. */
export type Expectation = { outcome: 'accepted' } | { outcome: 'rejected'; code: string };

/** What PostgreSQL actually did. */
export type Actual = { outcome: 'accepted' } | { outcome: 'rejected'; error: SqlError };

/** The kinds of promise a relationship makes. */
export type ScenarioKind = 'validChild' | 'secondChild' | 'orphanChild' | 'nullForeignKey';

/** One promise of a relationship, as SQL: setup statements that must succeed, then the statement under test. */
export interface Scenario {
  id: string;
  relationshipId: RelationshipId;
  kind: ScenarioKind;
  /** What is tried, in plain words. */
  title: string;
  /** Which end of the diagram makes the promise, in plain words. */
  because: string;
  setup: string[];
  test: string;
  expected: Expectation;
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
  /** Why a scenario is not provable. */
  reason?: string;
}

/** "rejected with 23505 (unique_violation)" / "accepted". */
export function describeExpectation(e: Expectation): string {
  return e.outcome === 'accepted' ? 'accepted' : `rejected with ${e.code} (${sqlStateNames[e.code] ?? 'error'})`;
}

/** "rejected with 23505 (unique_violation)" / "accepted". */
export function describeActual(a: Actual): string {
  return a.outcome === 'accepted' ? 'accepted' : `rejected with ${a.error.code} (${sqlStateNames[a.error.code] ?? 'error'})`;
}
