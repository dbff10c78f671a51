import { ifNotExistsMeaning, toSqlText } from '../ddl/index.ts';
import { selectFormattedDdl, useEditorStore } from '../store/index.ts';
import { CopyButton } from './CopyButton.tsx';
import { downloadText } from '../keeping/downloadText.ts';
import { ModelProblems } from './ModelProblems.tsx';

/** The live DDL with the migration options, copy and download; model problems are listed above it. */
export function DdlPanel() {
  const { statements, problems } = useEditorStore(selectFormattedDdl);
  const options = useEditorStore((s) => s.ddlOptions);
  const setDdlOptions = useEditorStore((s) => s.setDdlOptions);
  const keptCount = useEditorStore((s) => s.document.schema.sqlObjects?.length ?? 0);
  const sql = toSqlText(statements);
  const hasErrors = problems.some((p) => p.severity === 'error');
  return (
    <section className="ddl-panel" aria-label="DDL">
      <div className="panel-bar">
        <div className="ddl-options">
          <label>
            <input
              type="checkbox"
              checked={options.wrapInTransaction}
              onChange={(e) => setDdlOptions({ wrapInTransaction: e.target.checked })}
            />{' '}
            In a transaction
          </label>
          <label title={ifNotExistsMeaning}>
            <input type="checkbox" checked={options.ifNotExists} onChange={(e) => setDdlOptions({ ifNotExists: e.target.checked })} /> IF
            NOT EXISTS
          </label>
          {keptCount > 0 && (
            <label title="Views, functions, triggers, sequences and other objects an import kept as SQL text">
              <input
                type="checkbox"
                checked={options.includeSqlObjects !== false}
                onChange={(e) => setDdlOptions({ includeSqlObjects: e.target.checked })}
              />{' '}
              Kept objects ({keptCount})
            </label>
          )}
          <label>
            One schema{' '}
            <input
              name="ddl-schema"
              className="short"
              placeholder="as drawn"
              value={options.schemaName ?? ''}
              onChange={(e) => setDdlOptions({ schemaName: e.target.value.trim() === '' ? null : e.target.value.trim() })}
              spellCheck={false}
            />
          </label>
        </div>
        <div className="buttons">
          <CopyButton text={sql} disabled={hasErrors} />
          <button type="button" onClick={() => downloadText('schema.sql', sql)} disabled={hasErrors}>
            Download .sql
          </button>
        </div>
      </div>
      {options.ifNotExists && <p className="hint">{ifNotExistsMeaning}</p>}
      <ModelProblems />
      <pre className="ddl" data-testid="ddl">
        {sql}
      </pre>
    </section>
  );
}
