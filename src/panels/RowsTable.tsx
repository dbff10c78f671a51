import type { Cell, TableRows } from '../proof/index.ts';

function CellView({ value }: { value: Cell }) {
  return value === null ? <span className="null">NULL</span> : <>{value}</>;
}

/** A table's rows after a step: rows the step added or changed are marked, rows it removed are struck through. */
export function RowsTable({ table }: { table: TableRows }) {
  const changed = new Set(table.changed);
  return (
    <figure className="rows-table" data-table={table.name}>
      <figcaption>
        {table.name}{' '}
        <span className="muted">
          ({table.rows.length} {table.rows.length === 1 ? 'row' : 'rows'})
        </span>
      </figcaption>
      <table>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr
              key={`r${i}`}
              className={changed.has(i) ? 'added' : undefined}
              title={changed.has(i) ? 'added or changed by this step' : undefined}
            >
              {row.map((v, k) => (
                <td key={k}>
                  <CellView value={v} />
                </td>
              ))}
            </tr>
          ))}
          {table.removed.map((row, i) => (
            <tr key={`x${i}`} className="removed" title="removed (or changed) by this step">
              {row.map((v, k) => (
                <td key={k}>
                  <CellView value={v} />
                </td>
              ))}
            </tr>
          ))}
          {table.rows.length + table.removed.length === 0 && (
            <tr>
              <td colSpan={Math.max(1, table.columns.length)} className="muted">
                no rows
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </figure>
  );
}
