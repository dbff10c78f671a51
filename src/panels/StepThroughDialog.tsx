import { useEffect, useState, type KeyboardEvent } from 'react';
import { describeRelationship, findRelationship, type RelationshipId } from '../model/index.ts';
import { describeExpectation, type ScenarioTrace } from '../proof/index.ts';
import { selectSchema, useEditorStore } from '../store/index.ts';
import { Dialog, DialogHead } from './Dialog.tsx';
import { StepView } from './StepView.tsx';
import { useTrace } from './useTrace.ts';

/** Every (scenario, step) position in play order; a scenario that could not be built is one position. */
function positions(scenarios: readonly ScenarioTrace[]): [number, number][] {
  return scenarios.flatMap((s, i) =>
    s.steps.length === 0 ? [[i, -1] as [number, number]] : s.steps.map((_, k) => [i, k] as [number, number]),
  );
}

const verdictMark = { passed: '✓', failed: '✗', notProvable: '?' } as const;

/** How often Play advances one statement. */
const playIntervalMs = 1800;

/**
 * Teaching mode: plays a relationship's scenarios one statement at a time, with the rows of its tables
 * after each step and why PostgreSQL accepted or refused it. Keys: ← → step, Esc closes.
 */
export function StepThroughDialog({ relationshipId }: { relationshipId: RelationshipId }) {
  const current = useEditorStore(selectSchema);
  const close = useEditorStore((s) => s.closeDialog);
  const [schema, setSchema] = useState(current);
  const [replay, setReplay] = useState(0);
  const [at, setAt] = useState(0);
  const [isPlayRequested, setPlaying] = useState(false);
  const state = useTrace(schema, relationshipId, replay);
  const scenarios = state.status === 'done' ? (state.trace.value ?? []) : [];
  const order = positions(scenarios);
  const [scenarioIndex, stepIndex] = order[Math.min(at, order.length - 1)] ?? [0, -1];
  const scenario = scenarios[scenarioIndex];
  const relationship = findRelationship(schema, relationshipId);

  const isPlaying = isPlayRequested && at < order.length - 1;
  useEffect(() => {
    if (!isPlaying) return;
    const timer = setTimeout(() => setAt((n) => n + 1), playIntervalMs);
    return () => clearTimeout(timer);
  }, [isPlaying, at]);

  const go = (n: number) => {
    setPlaying(false);
    setAt(Math.max(0, Math.min(order.length - 1, n)));
  };
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight') go(at + 1);
    else if (event.key === 'ArrowLeft') go(at - 1);
    else return;
    event.preventDefault();
  };

  return (
    <Dialog label="Step through the proof" className="step-through" onClose={close} onKeyDown={handleKeyDown}>
      <DialogHead
        title={<>Step through: {relationship ? describeRelationship(schema, relationship) : 'a deleted relationship'}</>}
        about="Each statement runs in PostgreSQL in your browser; the tables show the rows after it. Nothing is kept."
        onClose={close}
      />
      {current !== schema && (
        <p className="focus-bar">
          The diagram changed since this was played.{' '}
          <button
            type="button"
            className="text-button"
            onClick={() => {
              setSchema(current);
              setReplay((n) => n + 1);
              setAt(0);
            }}
          >
            Replay with the current diagram
          </button>
        </p>
      )}
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Playing the scenarios in PostgreSQL…
        </p>
      )}
      {state.status === 'error' && (
        <p className="problems error" role="alert">
          The scenarios could not be played: {state.message}
        </p>
      )}
      {state.status === 'done' && state.trace.ddlError && (
        <p className="problems error" role="alert">
          PostgreSQL refused the DDL: {state.trace.ddlError.error.code} {state.trace.ddlError.error.message}
        </p>
      )}
      {state.status === 'done' && !state.trace.value && !state.trace.ddlError && (
        <p className="problems error">Fix the errors in the model first: the DDL cannot be generated.</p>
      )}
      {scenario && (
        <div className="step-body">
          <nav className="scenario-tabs" aria-label="Scenarios">
            {scenarios.map((s, i) => (
              <button
                key={s.id}
                type="button"
                className={`scenario-tab ${s.verdict}`}
                aria-current={i === scenarioIndex ? 'step' : undefined}
                onClick={() => go(order.findIndex(([k]) => k === i))}
              >
                <span className="mark">{verdictMark[s.verdict]}</span> {s.title}
              </button>
            ))}
          </nav>
          <section className="step-main">
            <h3>{scenario.title}</h3>
            {scenario.expected && (
              <p className="muted">
                Expected: the last statement is {describeExpectation(scenario.expected)}
                {scenario.because ? `, because ${scenario.because}` : ''}.
              </p>
            )}
            {stepIndex < 0 ? (
              <p className="reason">Not provable: {scenario.reason}</p>
            ) : (
              <StepView step={scenario.steps[stepIndex]!} number={stepIndex + 1} of={scenario.steps.length} />
            )}
            {stepIndex === scenario.steps.length - 1 && scenario.verdict !== 'passed' && scenario.reason && (
              <p className={`reason ${scenario.verdict === 'failed' ? 'bad' : ''}`}>{scenario.reason}</p>
            )}
          </section>
        </div>
      )}
      <footer className="dialog-foot">
        <button type="button" onClick={() => go(at - 1)} disabled={at === 0}>
          ← Previous
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => (isPlaying ? setPlaying(false) : setPlaying(true))}
          disabled={at >= order.length - 1}
        >
          {isPlaying ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => go(at + 1)} disabled={at >= order.length - 1}>
          Next →
        </button>
        <span className="muted">{order.length > 0 && `Statement ${at + 1} of ${order.length}`}</span>
      </footer>
    </Dialog>
  );
}
