import type { Migration } from '../migrate/index.ts';
import type { MigrationProofReport } from '../proof/index.ts';

const marks = { passed: 'PROVEN', failed: 'FAILED', notProvable: 'NOT PROVABLE' } as const;

/** A migration proof as a person reads it in a terminal: each check with its differences and notes, then a count. */
export function formatMigrationProof(proof: MigrationProofReport, migration: Migration): string {
  const lines: string[] = [];
  for (const check of proof.checks) {
    lines.push(`${marks[check.verdict]}  ${check.title}`);
    for (const line of [...check.differences, ...check.notes]) lines.push(`    ${line}`);
  }
  const passed = proof.checks.filter((c) => c.verdict === 'passed').length;
  const steps = `${migration.up.length} ${migration.up.length === 1 ? 'step' : 'steps'}`;
  lines.push(`${steps}; ${passed} of ${proof.checks.length} checks passed`);
  return lines.join('\n') + '\n';
}

/** The proof's problems, for stderr, one line each. */
export function formatMigrationProblems(proof: MigrationProofReport): string {
  return proof.problems.map((p) => `erd diff: ${p.severity}: ${p.message}\n`).join('');
}

/**
 * 0 only when every check passed and no problem is an error: a check that could not run proves
 * nothing, and a CI job relying on --prove must not pass on it.
 */
export function migrationProofExitCode(proof: MigrationProofReport): number {
  const passed = proof.checks.filter((c) => c.verdict === 'passed').length;
  return passed < proof.checks.length || proof.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
