import { lazy, Suspense, useMemo } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { DiagramCanvas } from '../canvas/DiagramCanvas.tsx';
import { DrawImage } from '../canvas/DrawImage.tsx';
import { DdlPanel } from '../panels/DdlPanel.tsx';
import { Inspector } from '../panels/Inspector.tsx';
import { MigrationPanel } from '../panels/MigrationPanel.tsx';
import { ProofPanel } from '../panels/ProofPanel.tsx';
import { EditorTasksContext, type EditorTasks } from '../panels/editorTasks.ts';
import { StepThroughDialog } from '../panels/StepThroughDialog.tsx';
import { summarize } from '../proof/index.ts';
import { useEditorStore } from '../store/index.ts';
import type { ProofClient } from '../worker/proofClient.ts';
import { useProofRunner } from './useProofRunner.ts';
import { useImport } from './useImport.ts';
import { CommandPalette } from './CommandPalette.tsx';
import { displayShortcut, type Command } from './commands.ts';
import { ShortcutsSheet } from './ShortcutsSheet.tsx';
import { useCommandKeys } from './useCommandKeys.ts';
import { useCommands } from './useCommands.ts';
import { useTheme } from './useTheme.ts';
import type { ThemePreference } from '../store/index.ts';
import { ConnectDialog } from '../panels/ConnectDialog.tsx';
import { ResizeHandle } from '../panels/ResizeHandle.tsx';
import { DocumentMenu } from './DocumentMenu.tsx';
import { KeepingWork } from './KeepingWork.tsx';
import { ExportImageDialog } from '../panels/ExportImageDialog.tsx';
import { LiveBar } from '../panels/LiveBar.tsx';
import { ShareLiveDialog } from '../panels/ShareLiveDialog.tsx';
import { useLiveView } from '../keeping/livePage.ts';
import { PartBoundary } from './PartBoundary.tsx';

/** The console brings CodeMirror: loaded when first opened. */
const ConsolePanel = lazy(() => import('../panels/ConsolePanel.tsx').then((m) => ({ default: m.ConsolePanel })));

function ProofTabLabel() {
  const report = useEditorStore((s) => s.proofReport);
  const counts = report ? summarize(report) : null;
  if (!counts) return <>Proof</>;
  return (
    <>
      Proof{' '}
      <span className={`pill ${counts.failed ? 'bad' : 'good'}`}>
        {counts.failed ? `${counts.failed} failing` : `${counts.passed} proven`}
      </span>
    </>
  );
}

function ToolbarButton({ command }: { command: Command }) {
  const isEnabled = useEditorStore((s) => command.isEnabled?.(s) ?? true);
  const keys = command.shortcuts?.[0];
  return (
    <button
      type="button"
      onClick={command.run}
      disabled={!isEnabled}
      aria-label={command.label}
      title={`${command.hint ?? command.label}${keys ? ` (${displayShortcut(keys)})` : ''}`}
    >
      {command.toolbarLabel ?? command.label}
    </button>
  );
}

function ThemeSwitch() {
  const theme = useEditorStore((s) => s.theme);
  const setTheme = useEditorStore((s) => s.setTheme);
  return (
    <select aria-label="Theme" value={theme} onChange={(e) => setTheme(e.target.value as ThemePreference)} title="Theme">
      <option value="system">System theme</option>
      <option value="light">Light</option>
      <option value="dark">Dark</option>
    </select>
  );
}

/** The app inside React Flow's provider, so commands can fit and zoom the view. */
export function App(props: { proofClient: ProofClient; postgresTasks: Omit<EditorTasks, 'importText'> }) {
  return (
    <ReactFlowProvider>
      <Shell {...props} />
    </ReactFlowProvider>
  );
}

/** The layout shell: toolbar (from the command list), canvas, and a sidebar with the inspector above the proof, DDL and console tabs. */
function Shell({ proofClient, postgresTasks }: { proofClient: ProofClient; postgresTasks: Omit<EditorTasks, 'importText'> }) {
  const tab = useEditorStore((s) => s.sidebarTab);
  const isReadOnly = useEditorStore((s) => s.readOnlyReason !== null);
  const setTab = useEditorStore((s) => s.showTab);
  const importText = useImport(postgresTasks.importSql);
  const tasks = useMemo(() => ({ ...postgresTasks, importText }), [postgresTasks, importText]);
  const dialog = useEditorStore((s) => s.dialog);
  const sizes = useEditorStore((s) => s.panelSizes);
  const setPanelSizes = useEditorStore((s) => s.setPanelSizes);
  const toggleSidebar = useEditorStore((s) => s.toggleSidebar);
  const commands = useCommands();
  const isShareLiveOpen = useLiveView((v) => v.isDialogOpen);
  useProofRunner(proofClient);
  useCommandKeys(commands);
  useTheme();
  return (
    <EditorTasksContext value={tasks}>
      <div className="app">
        <header className="toolbar">
          <h1>
            ERD <span>Proof</span>
          </h1>
          <DocumentMenu />
          <span className="tagline">PostgreSQL ER diagrams, proven by PostgreSQL</span>
          <div className="spacer" />
          {commands
            .filter((c) => c.inToolbar)
            .map((c) => (
              <ToolbarButton key={c.id} command={c} />
            ))}
          <ThemeSwitch />
        </header>
        <main className="workspace">
          <div className="canvas-area">
            <PartBoundary part="diagram">
              <DiagramCanvas />
            </PartBoundary>
            <LiveBar />
            {!sizes.isSidebarOpen && (
              <button type="button" className="reopen-sidebar" onClick={toggleSidebar} title="Show the sidebar (Ctrl+\)">
                Show sidebar
              </button>
            )}
          </div>
          {sizes.isSidebarOpen && (
            <ResizeHandle
              label="Sidebar width"
              orientation="vertical"
              direction={-1}
              value={sizes.sidebarWidth}
              min={320}
              max={900}
              onResize={(sidebarWidth) => setPanelSizes({ sidebarWidth })}
            />
          )}
          <aside className="sidebar" hidden={!sizes.isSidebarOpen} style={{ width: sizes.sidebarWidth }}>
            <button
              type="button"
              className="icon collapse-sidebar"
              onClick={toggleSidebar}
              aria-label="Hide the sidebar"
              title="Hide the sidebar (Ctrl+\)"
            >
              ⟩
            </button>
            <div className="sidebar-top" style={{ height: sizes.inspectorHeight }}>
              <fieldset
                className="inspector-frame"
                disabled={isReadOnly}
                title={isReadOnly ? 'Read-only: save an editable copy to change it' : undefined}
              >
                <PartBoundary part="inspector">
                  <Inspector />
                </PartBoundary>
              </fieldset>
            </div>
            <ResizeHandle
              label="Inspector height"
              orientation="horizontal"
              direction={1}
              value={sizes.inspectorHeight}
              min={120}
              max={900}
              onResize={(inspectorHeight) => setPanelSizes({ inspectorHeight })}
            />
            <div className="tabs" role="tablist">
              <button type="button" role="tab" aria-selected={tab === 'proof'} onClick={() => setTab('proof')}>
                <ProofTabLabel />
              </button>
              <button type="button" role="tab" aria-selected={tab === 'ddl'} onClick={() => setTab('ddl')}>
                DDL
              </button>
              <button type="button" role="tab" aria-selected={tab === 'migration'} onClick={() => setTab('migration')}>
                Migration
              </button>
              <button type="button" role="tab" aria-selected={tab === 'console'} onClick={() => setTab('console')}>
                SQL console
              </button>
            </div>
            <div className="tab-body" role="tabpanel">
              <PartBoundary key={tab} part={`${tab === 'console' ? 'SQL console' : tab === 'ddl' ? 'DDL' : tab} tab`}>
                {tab === 'ddl' && <DdlPanel />}
                {tab === 'proof' && <ProofPanel />}
                {tab === 'migration' && <MigrationPanel />}
                {tab === 'console' && (
                  <Suspense fallback={<p className="muted">Loading the SQL editor…</p>}>
                    <ConsolePanel />
                  </Suspense>
                )}
              </PartBoundary>
            </div>
          </aside>
        </main>
        {dialog?.kind === 'stepThrough' && <StepThroughDialog key={dialog.relationshipId} relationshipId={dialog.relationshipId} />}
        {dialog?.kind === 'palette' && <CommandPalette commands={commands} />}
        {dialog?.kind === 'shortcuts' && <ShortcutsSheet commands={commands} />}
        {dialog?.kind === 'connect' && <ConnectDialog />}
        {dialog?.kind === 'exportImage' && <ExportImageDialog format={dialog.format} drawImage={DrawImage} />}
        {isShareLiveOpen && <ShareLiveDialog />}
        <KeepingWork />
      </div>
    </EditorTasksContext>
  );
}
