import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './app.css';
import { useEditorStore } from '../store/index.ts';
import { App } from './App.tsx';
import { createConsoleClient } from '../worker/consoleClient.ts';
import { startKeepingWork, workKeeper } from '../keeping/keepingWork.ts';
import { liveSession, startLiveSession } from '../keeping/livePage.ts';
import { savedTheme } from './useTheme.ts';
import type { ProofSlice } from '../store/index.ts';
import type { ProofClient } from '../worker/proofClient.ts';

/** Loads the document this tab had open (kept in the browser), renders the editor, and returns where proof states go from now on. */
export function startEditor(proofClient: ProofClient, timings: object): ProofSlice['setProofState'] {
  useEditorStore.getState().setTheme(savedTheme());

  /** A small test API, as tldraw does: e2e tests read state instead of scraping text. */
  (window as unknown as { erd: unknown }).erd = { store: useEditorStore, timings, shareLive: () => liveSession().shareLive() };

  const consoleClient = createConsoleClient();
  // The stored document (or the first-start example) is in the store before the first render.
  void startKeepingWork(useEditorStore).then(() => {
    startLiveSession(useEditorStore, workKeeper());
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App
          proofClient={proofClient}
          postgresTasks={{
            trace: proofClient.trace,
            proveMigration: proofClient.proveMigration,
            runConsole: consoleClient.run,
            importSql: consoleClient.importSql,
          }}
        />
      </StrictMode>,
    );
  });
  return useEditorStore.getState().setProofState;
}
