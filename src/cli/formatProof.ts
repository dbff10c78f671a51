import { describeRelationship, findRelationship, type ErdDocument } from '../model/index.ts';
import { describeActual, describeExpectation, summarize, type ProofReport } from '../proof/index.ts';

const marks = { passed: 'PASS', failed: 'FAIL', notProvable: 'SKIP' } as const;

/** A proof report as lines a person reads in a terminal: one per scenario, grouped by relationship. */
export function formatProof(report: ProofReport, document: ErdDocument): string {
  const lines: string[] = [];
  for (const p of report.problems) lines.push(`${p.severity}: ${p.message}`);
  if (report.ddlError) {
    const { statement, error } = report.ddlError;
    lines.push(`PostgreSQL refused the DDL: ${error.code} ${error.message}`, ...statement.sql.split('\n').map((l) => `    ${l}`));
  }
  let current = '';
  for (const r of report.results) {
    if (r.relationshipId !== current) {
      current = r.relationshipId;
      const rel = findRelationship(document.schema, r.relationshipId);
      lines.push('', rel ? describeRelationship(document.schema, rel) : r.relationshipId);
    }
    lines.push(`  ${marks[r.verdict]}  ${r.title}`);
    if (r.verdict === 'notProvable') {
      lines.push(`        not provable: ${r.reason}`);
      continue;
    }
    const got = r.actual ? describeActual(r.actual) : '';
    lines.push(`        expected ${describeExpectation(r.expected!)}, got ${got}`);
    if (r.actual?.outcome === 'rejected') lines.push(`        PostgreSQL: ${r.actual.error.message}`);
    if (r.verified)
      lines.push(`        ${r.verdict === 'passed' ? 'checked' : 'FAILED'}: ${r.verdict === 'passed' ? r.verified : r.reason}`);
  }
  const { passed, failed, notProvable } = summarize(report);
  lines.push('', `Proved ${passed} of ${report.results.length} scenarios (${failed} failing, ${notProvable} not provable).`);
  return lines.join('\n') + '\n';
}
