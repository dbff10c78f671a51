import type { TraceStep } from '../proof/index.ts';
import { RowsTable } from './RowsTable.tsx';

const roleLabel = { setup: 'Setup', test: 'Statement under test', check: 'Check afterwards' } as const;

/** One statement: what ran, what PostgreSQL did and why, and the tables after it. */
export function StepView({ step, number, of }: { step: TraceStep; number: number; of: number }) {
  const error = step.outcome.outcome === 'rejected' ? step.outcome.error : undefined;
  return (
    <div
      className={`step ${step.role} ${step.outcome.outcome}`}
      data-step-role={step.role}
      data-outcome={step.outcome.outcome}
      data-verdict={step.verdict}
    >
      <div className="step-label">
        {roleLabel[step.role]} · step {number} of {of}
      </div>
      <pre className="step-sql">{step.sql}</pre>
      <p className="step-why" aria-live="polite">
        {step.why}
      </p>
      {error && (
        <div className="pg-message">
          <span className="pg-label">PostgreSQL:</span> ERROR: {error.message}
          {error.detail && <div className="pg-detail">DETAIL: {error.detail}</div>}
        </div>
      )}
      <div className="step-tables">
        {step.tables.map((t) => (
          <RowsTable key={t.ref} table={t} />
        ))}
      </div>
    </div>
  );
}
