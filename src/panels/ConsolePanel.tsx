import { useState } from 'react';
import { qualifiedName, defaultDdlOptions } from '../ddl/index.ts';
import type { Schema } from '../model/index.ts';
import type { ConsoleResult } from '../proof/index.ts';
import { selectSchema, useEditorStore } from '../store/index.ts';
import { ConsoleResults } from './ConsoleResults.tsx';
import { useEditorTasks } from './editorTasks.ts';
import { SqlEditor } from './SqlEditor.tsx';

type RunState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; sql: string; result: ConsoleResult }
  | { status: 'failed'; message: string };

function starterSql(schema: Schema): string {
  const first = schema.tables[0];
  return `-- Runs against the current schema with sample rows loaded.\n-- Each run starts afresh and nothing is kept. Ctrl+Enter runs.\n${first ? `SELECT * FROM ${qualifiedName(first.schemaName, first.name, defaultDdlOptions)};` : 'SELECT version();'}\n`;
}

/** Any SQL against the current schema with sample rows, in the console's own PostgreSQL; the document is never touched. */
export function ConsolePanel() {
  const schema = useEditorStore(selectSchema);
  const storedSql = useEditorStore((s) => s.consoleSql);
  const setSql = useEditorStore((s) => s.setConsoleSql);
  const [initialSql] = useState(() => storedSql ?? starterSql(schema));
  const sql = storedSql ?? initialSql;
  const { runConsole } = useEditorTasks();
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const completions = Object.fromEntries(schema.tables.map((t) => [t.name, t.columns.map((c) => c.name)]));

  const handleRun = () => {
    if (run.status === 'running') return;
    const ran = sql;
    setRun({ status: 'running' });
    runConsole(schema, ran).then(
      (result) => setRun({ status: 'done', sql: ran, result }),
      (error: Error) => setRun({ status: 'failed', message: error.message }),
    );
  };
  const error = run.status === 'done' && run.sql === sql ? run.result.value?.error : undefined;

  return (
    <section className="console-panel" aria-label="SQL console">
      <div className="panel-bar">
        <span className="muted">SQL against the current schema, with sample rows</span>
        <button type="button" className="primary" onClick={handleRun} disabled={run.status === 'running'} title="Run (Ctrl+Enter)">
          {run.status === 'running' ? 'Running…' : 'Run'}
        </button>
      </div>
      <SqlEditor
        value={sql}
        onChange={setSql}
        onRun={handleRun}
        completions={completions}
        error={error?.position ? { position: error.position, message: error.message } : null}
        label="SQL to run"
      />
      {run.status === 'running' && (
        <p className="muted" role="status">
          Running in PostgreSQL…
        </p>
      )}
      {run.status === 'failed' && (
        <p className="problems error" role="alert">
          {run.message}
        </p>
      )}
      {run.status === 'done' && <ConsoleResults result={run.result} />}
    </section>
  );
}
