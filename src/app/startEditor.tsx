import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './app.css';
import exampleText from '../../examples/classic-one-to-one.erd.json?raw';
import { parseProjectFile } from '../io/index.ts';
import { useEditorStore } from '../store/index.ts';
import { App } from './App.tsx';
import { createConsoleClient } from './consoleClient.ts';
import { savedTheme } from './useTheme.ts';
import type { ProofSlice } from '../store/proofSlice.ts';
import type { ProofClient } from './proofClient.ts';

/** Loads the first document, renders the editor, and returns where proof states go from now on. */
export function startEditor(proofClient: ProofClient, timings: object): ProofSlice['setProofState'] {
  const example = parseProjectFile(exampleText);
  if (!example.ok) throw new Error(`The bundled example is broken: ${example.error}`);
  useEditorStore.getState().loadDocument(example.document);
  useEditorStore.getState().setTheme(savedTheme());

  /** A small test API, as tldraw does: e2e tests read state instead of scraping text. */
  (window as unknown as { erd: unknown }).erd = { store: useEditorStore, timings };

  const consoleClient = createConsoleClient();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App proofClient={proofClient} postgresTasks={{ trace: proofClient.trace, runConsole: consoleClient.run }} />
    </StrictMode>,
  );
  return useEditorStore.getState().setProofState;
}
