import { useState } from 'react';
import { toSqlText } from '../ddl/index.ts';
import { selectDdl, useEditorStore } from '../store/index.ts';

/** The live DDL of the schema, with a copy button; errors in the model are listed instead of half a script. */
export function DdlPanel() {
  const { statements, problems } = useEditorStore(selectDdl);
  const [copied, setCopied] = useState(false);
  const sql = toSqlText(statements);
  const errors = problems.filter((p) => p.severity === 'error');
  const handleCopy = async () => {
    await navigator.clipboard.writeText(sql);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <section className="ddl-panel" aria-label="DDL">
      <div className="panel-bar">
        <span className="muted">PostgreSQL DDL, live</span>
        <button type="button" onClick={handleCopy} disabled={errors.length > 0}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      {errors.length > 0 && (
        <ul className="problems">
          {errors.map((p, i) => (
            <li key={i} className="error">{p.message}</li>
          ))}
        </ul>
      )}
      <pre className="ddl" data-testid="ddl">{sql}</pre>
    </section>
  );
}
