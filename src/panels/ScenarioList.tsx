import { memo } from 'react';
import type { RelationshipId } from '../model/index.ts';
import { describeActual, describeExpectation, type ScenarioResult } from '../proof/index.ts';
import { selectScenariosOf, useEditorStore } from '../store/index.ts';

const verdictLabel = { passed: 'proven', failed: 'FAILING', notProvable: 'not provable' } as const;

function ScenarioCardView({ result }: { result: ScenarioResult }) {
  const error = result.actual?.outcome === 'rejected' ? result.actual.error : undefined;
  return (
    <li className={`scenario ${result.verdict}`} data-scenario-kind={result.kind} data-verdict={result.verdict}>
      <div className="scenario-head">
        <span className="verdict">{verdictLabel[result.verdict]}</span>
        <span className="scenario-title">{result.title}</span>
      </div>
      {result.because && <div className="because">Because {result.because}.</div>}
      {result.verdict === 'notProvable' ? (
        <div className="reason">Not provable: {result.reason}</div>
      ) : (
        <dl className="outcome">
          <dt>Expected</dt>
          <dd className="expected">{result.expected && describeExpectation(result.expected)}</dd>
          <dt>Actual</dt>
          <dd className="actual">{result.actual && describeActual(result.actual)}</dd>
        </dl>
      )}
      {result.verified && result.verdict === 'passed' && <div className="because">Checked afterwards: {result.verified}.</div>}
      {result.verdict === 'failed' && result.reason && <div className="reason bad">{result.reason}</div>}
      {error && (
        <div className="pg-message">
          <span className="pg-label">PostgreSQL:</span> ERROR: {error.message}
          {error.detail && <div className="pg-detail">DETAIL: {error.detail}</div>}
        </div>
      )}
      {result.sql.length > 0 && (
        <details>
          <summary>SQL</summary>
          <pre>{result.sql.join('\n')}</pre>
        </details>
      )}
    </li>
  );
}

/** Memoized: a card re-renders only when a new report brings a new result, never on a keystroke elsewhere. */
const ScenarioCard = memo(ScenarioCardView);

/** One relationship's results in the latest proof (looked up by id: no scan of the whole report). */
function ScenarioListView({ relationshipId }: { relationshipId: RelationshipId }) {
  const results = useEditorStore(selectScenariosOf(relationshipId));
  const status = useEditorStore((s) => s.proofStatus);
  if (results.length === 0) return <p className="muted">{status === 'ready' ? 'No scenarios.' : 'Waiting for PostgreSQL…'}</p>;
  return (
    <ul className="scenarios">
      {results.map((r) => (
        <ScenarioCard key={r.id} result={r} />
      ))}
    </ul>
  );
}

/** Memoized: the Proof tab re-renders its groups on each schema edit; the lists wait for a new report. */
export const ScenarioList = memo(ScenarioListView);
