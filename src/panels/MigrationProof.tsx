import { useState } from 'react';
import { applyConfirmedRenames, dataLossesOf, renameKey, toMigrationSql, type Migration } from '../migrate/index.ts';
import type { Schema } from '../model/index.ts';
import type { MigrationProofReport } from '../proof/index.ts';
import type { RenameAnswer } from '../store/index.ts';
import { useEditorTasks } from './editorTasks.ts';

const verdictLabel = { passed: 'proven', failed: 'FAILING', notProvable: 'not provable' } as const;

type ProofState = { status: 'running' } | { status: 'done'; report: MigrationProofReport } | { status: 'error'; message: string };

/**
 * "Prove migration": runs the migration in the browser's PostgreSQL (rolled back) and shows its four
 * checks as the Proof tab shows scenarios. A result stands for the migration it proved: after an edit
 * it is put aside until proved again.
 */
export function MigrationProof({
  base,
  schema,
  migration,
  answers,
}: {
  base: Schema;
  schema: Schema;
  migration: Migration;
  answers: Readonly<Record<string, RenameAnswer>>;
}) {
  const { proveMigration } = useEditorTasks();
  const [proof, setProof] = useState<{ migration: Migration; state: ProofState } | null>(null);
  const prove = () => {
    // The rows are matched by id: confirmed renames make the base's ids the design's, as the diff did.
    const from = applyConfirmedRenames(
      base,
      migration.proposedRenames.filter((r) => answers[renameKey(r)] === 'confirmed'),
      schema,
    );
    const scripts = {
      up: toMigrationSql(migration.up),
      down: toMigrationSql(migration.down),
      losesData: dataLossesOf(migration.up),
    };
    setProof({ migration, state: { status: 'running' } });
    proveMigration(from, schema, scripts).then(
      (report) => setProof((p) => (p?.migration === migration ? { migration, state: { status: 'done', report } } : p)),
      (error: Error) =>
        setProof((p) => (p?.migration === migration ? { migration, state: { status: 'error', message: error.message } } : p)),
    );
  };
  const state = proof?.migration === migration ? proof.state : null;
  const report = state?.status === 'done' ? state.report : null;
  const passed = report?.checks.filter((c) => c.verdict === 'passed').length ?? 0;
  return (
    <div className="migration-proof">
      <div className="panel-bar compact">
        <button type="button" onClick={prove} disabled={state?.status === 'running'}>
          {state?.status === 'running' ? 'Proving…' : 'Prove migration'}
        </button>
        {report && (
          <span className="summary" data-testid="migration-proof-summary">
            <b>{passed}</b> of {report.checks.length} checks proven
          </span>
        )}
        {proof && !state && <span className="muted">Changed since the last proof</span>}
      </div>
      {state?.status === 'error' && (
        <p className="problems error" role="alert">
          The proof could not run: {state.message}
        </p>
      )}
      {report && report.problems.length > 0 && (
        <ul className="problems">
          {report.problems.map((p, i) => (
            <li key={i} className={p.severity}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {report && (
        <ul className="scenarios">
          {report.checks.map((c) => (
            <li key={c.kind} className={`scenario ${c.verdict}`} data-verdict={c.verdict} data-check={c.kind}>
              <div className="scenario-head">
                <span className="verdict">{verdictLabel[c.verdict]}</span>
                <span className="scenario-title">{c.title}</span>
              </div>
              {[...c.differences, ...c.notes].map((line, i) => (
                <div key={i} className="because">
                  {line}
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
