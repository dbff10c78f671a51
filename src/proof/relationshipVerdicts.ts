import type { RelationshipId } from '../model/index.ts';
import type { ProofReport } from './runProof.ts';
import type { Verdict } from './scenario.ts';

/** How one relationship fared: failing if any scenario failed, not provable if any could not run, else proven. */
export interface RelationshipVerdict {
  verdict: Verdict;
  passed: number;
  failed: number;
  notProvable: number;
}

/** Each relationship's verdict in a report, for the badges on the canvas. */
export function relationshipVerdicts(report: ProofReport): Map<RelationshipId, RelationshipVerdict> {
  const byId = new Map<RelationshipId, RelationshipVerdict>();
  for (const result of report.results) {
    const entry = byId.get(result.relationshipId) ?? { verdict: 'passed', passed: 0, failed: 0, notProvable: 0 };
    entry[result.verdict]++;
    entry.verdict = entry.failed > 0 ? 'failed' : entry.notProvable > 0 ? 'notProvable' : 'passed';
    byId.set(result.relationshipId, entry);
  }
  return byId;
}
