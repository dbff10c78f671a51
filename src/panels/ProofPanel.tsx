import { selectProofCounts, selectProofFocus, useEditorStore } from '../store/index.ts';
import { ProofGroups } from './ProofGroups.tsx';

const statusText = {
  starting: 'Starting PostgreSQL in your browser…',
  running: 'Proving…',
  ready: 'Proved in PostgreSQL (PGlite, in your browser).',
  error: 'PostgreSQL stopped.',
} as const;

/** Runs the proofs in the browser's PostgreSQL and lists every scenario with its expected and actual outcome. */
export function ProofPanel() {
  const status = useEditorStore((s) => s.proofStatus);
  const report = useEditorStore((s) => s.proofReport);
  const error = useEditorStore((s) => s.proofError);
  const requestProof = useEditorStore((s) => s.requestProof);
  const counts = useEditorStore(selectProofCounts);
  const focus = useEditorStore(selectProofFocus);
  const showProof = useEditorStore((s) => s.showProof);
  return (
    <section className="proof-panel" aria-label="Proof">
      <div className="panel-bar">
        <span className={`status ${status}`} role="status">
          {status === 'ready' && !report ? 'PostgreSQL is ready.' : statusText[status]}
        </span>
        <button type="button" onClick={requestProof} disabled={status === 'starting'}>
          Run proof
        </button>
      </div>
      {counts && (
        <p className="summary">
          <b>{counts.passed}</b> proven · <b className={counts.failed ? 'bad' : ''}>{counts.failed}</b> failing ·{' '}
          <b>{counts.notProvable}</b> not provable
        </p>
      )}
      {error && (
        <p className="problems error" role="alert">
          {error}
        </p>
      )}
      {report?.problems
        .filter((p) => p.severity === 'error')
        .map((p, i) => (
          <p key={i} className="problems error">
            {p.message}
          </p>
        ))}
      {report?.ddlError && (
        <div className="problems error" role="alert">
          PostgreSQL refused the DDL: {report.ddlError.error.code} {report.ddlError.error.message}
          <pre>{report.ddlError.statement.sql}</pre>
        </div>
      )}
      {focus && (
        <p className="focus-bar">
          Showing one relationship.{' '}
          <button type="button" className="text-button" onClick={() => showProof(null)}>
            Show all
          </button>
        </p>
      )}
      <ProofGroups />
    </section>
  );
}
