import { lazy, Suspense } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { DiagramCanvas } from '../canvas/DiagramCanvas.tsx';
import { DdlPanel } from '../panels/DdlPanel.tsx';
import { Inspector } from '../panels/Inspector.tsx';
import { ProofPanel } from '../panels/ProofPanel.tsx';
import { PostgresTasksContext, type PostgresTasks } from '../panels/postgresTasks.ts';
import { StepThroughDialog } from '../panels/StepThroughDialog.tsx';
import { emptySchema, type ErdDocument } from '../model/index.ts';
import { summarize } from '../proof/index.ts';
import { useEditorStore } from '../store/index.ts';
import type { ProofClient } from './proofClient.ts';
import { useProofRunner } from './useProofRunner.ts';
import { useUndoShortcuts } from './useUndoShortcuts.ts';

/** The console brings CodeMirror: loaded when first opened. */
const ConsolePanel = lazy(() => import('../panels/ConsolePanel.tsx').then((m) => ({ default: m.ConsolePanel })));

const emptyDocument: ErdDocument = { schema: emptySchema, layout: {} };

function ProofTabLabel() {
  const report = useEditorStore((s) => s.proofReport);
  const counts = report ? summarize(report) : null;
  if (!counts) return <>Proof</>;
  return (
    <>
      Proof <span className={`pill ${counts.failed ? 'bad' : 'good'}`}>{counts.failed ? `${counts.failed} failing` : `${counts.passed} proven`}</span>
    </>
  );
}

/** The layout shell: toolbar, canvas, and a sidebar with the inspector above the DDL and proof tabs. */
export function App({ proofClient, postgresTasks }: { proofClient: ProofClient; postgresTasks: PostgresTasks }) {
  const tab = useEditorStore((s) => s.sidebarTab);
  const setTab = useEditorStore((s) => s.showTab);
  const canUndo = useEditorStore((s) => s.past.length > 0);
  const canRedo = useEditorStore((s) => s.future.length > 0);
  const undo = useEditorStore((s) => s.undo);
  const redo = useEditorStore((s) => s.redo);
  const replaceDocument = useEditorStore((s) => s.replaceDocument);
  const stepThroughId = useEditorStore((s) => s.stepThroughId);
  useProofRunner(proofClient);
  useUndoShortcuts();
  return (
    <PostgresTasksContext value={postgresTasks}>
      <div className="app">
        <header className="toolbar">
          <h1>
            ERD <span>Proof</span>
          </h1>
          <span className="tagline">PostgreSQL ER diagrams, proven by PostgreSQL</span>
          <div className="spacer" />
          <button type="button" onClick={() => replaceDocument(emptyDocument)} title="Start a blank diagram (undoable)">
            New blank diagram
          </button>
          <button type="button" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
            Undo
          </button>
          <button type="button" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
        </header>
        <main className="workspace">
          <div className="canvas-area">
            <ReactFlowProvider>
              <DiagramCanvas />
            </ReactFlowProvider>
          </div>
          <aside className="sidebar">
            <div className="sidebar-top">
              <Inspector />
            </div>
            <div className="tabs" role="tablist">
              <button type="button" role="tab" aria-selected={tab === 'proof'} onClick={() => setTab('proof')}>
                <ProofTabLabel />
              </button>
              <button type="button" role="tab" aria-selected={tab === 'ddl'} onClick={() => setTab('ddl')}>
                DDL
              </button>
              <button type="button" role="tab" aria-selected={tab === 'console'} onClick={() => setTab('console')}>
                SQL console
              </button>
            </div>
            <div className="tab-body" role="tabpanel">
              {tab === 'ddl' && <DdlPanel />}
              {tab === 'proof' && <ProofPanel />}
              {tab === 'console' && (
                <Suspense fallback={<p className="muted">Loading the SQL editor…</p>}>
                  <ConsolePanel />
                </Suspense>
              )}
            </div>
          </aside>
        </main>
        {stepThroughId && <StepThroughDialog key={stepThroughId} relationshipId={stepThroughId} />}
      </div>
    </PostgresTasksContext>
  );
}
