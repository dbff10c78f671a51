import type { ConsoleOutput, ConsoleResult } from '../proof/index.ts';

function Grid({ output }: { output: ConsoleOutput }) {
  if (output.fields.length === 0) {
    return (
      <p className="console-ok">
        OK{output.affectedRows !== undefined ? `, ${output.affectedRows} ${output.affectedRows === 1 ? 'row' : 'rows'} affected` : ''}
      </p>
    );
  }
  return (
    <div className="result-grid">
      <table>
        <thead>
          <tr>
            {output.fields.map((f, i) => (
              <th key={i}>{f}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {output.rows.map((row, i) => (
            <tr key={i}>
              {row.map((v, k) => (
                <td key={k}>{v === null ? <span className="null">NULL</span> : v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {output.rowCount === output.rows.length
          ? `${output.rowCount} ${output.rowCount === 1 ? 'row' : 'rows'}`
          : `first ${output.rows.length} of ${output.rowCount} rows`}
      </p>
    </div>
  );
}

/** What the console's last run gave: a grid per statement, or PostgreSQL's error with where it is. */
export function ConsoleResults({ result }: { result: ConsoleResult }) {
  if (result.ddlError) {
    return (
      <div className="problems error" role="alert">
        PostgreSQL refused the schema's DDL, so the console has no tables: {result.ddlError.error.code} {result.ddlError.error.message}
      </div>
    );
  }
  if (!result.value)
    return (
      <p className="problems error" role="alert">
        The model has errors, so it has no DDL to run against. Fix them first (see the DDL tab).
      </p>
    );
  const { outputs, error, samples } = result.value;
  return (
    <div className="console-results">
      {outputs.map((o, i) => (
        <Grid key={i} output={o} />
      ))}
      {error && (
        <div className="pg-message console-error" role="alert">
          <span className="pg-label">PostgreSQL:</span> ERROR: {error.message} <span className="muted">({error.code})</span>
          {error.line !== undefined && (
            <div>
              {error.statementNumber !== undefined ? `in statement ${error.statementNumber}, ` : 'before anything ran, '}at line{' '}
              {error.line}, column {error.column}
            </div>
          )}
          {error.detail && <div className="pg-detail">DETAIL: {error.detail}</div>}
        </div>
      )}
      <details className="muted">
        <summary>
          {samples.length} sample {samples.length === 1 ? 'row set' : 'row sets'} loaded before your SQL
        </summary>
        <ul>
          {samples.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
