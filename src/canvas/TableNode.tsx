import { memo, useState, type KeyboardEvent } from 'react';
import { Handle, Position, useStore, type NodeProps } from '@xyflow/react';
import { visibleText, type Column, type TableId } from '../model/index.ts';
import {
  noColumnFacts,
  selectColumnFacts,
  selectTableById,
  selectTableProblemsById,
  useEditorStore,
  type ColumnFacts,
  type TableFlowNode,
} from '../store/index.ts';
import { selectIsZoomedOut } from './levelOfDetail.ts';
import { columnHandleId } from './connectFromHandles.ts';
import { selectDropTableId } from './dropTarget.ts';
import { ProblemBadge } from './ProblemBadge.tsx';
import { TableOutline } from './TableOutline.tsx';
import { tableMetrics } from '../layout/tableMetrics.ts';

function Badges({ column, facts }: { column: Column; facts: ColumnFacts }) {
  return (
    <span className="badges">
      {column.isPrimaryKey && (
        <span className="badge pk" title="primary key">
          PK
        </span>
      )}
      {facts.references && (
        <span className="badge fk" title={`foreign key to ${facts.references}`}>
          FK
        </span>
      )}
      {column.isUnique && !column.isPrimaryKey && (
        <span className="badge uq" title="unique">
          UQ
        </span>
      )}
      {facts.isUniqueByRelationship && !column.isUnique && (
        <span className="badge uq by-relationship" title={`unique: the one-to-one with ${facts.references} makes this foreign key UNIQUE`}>
          UQ
        </span>
      )}
      {facts.isNotNull && !column.isPrimaryKey && (
        <span className="badge nn" title="not null">
          NN
        </span>
      )}
    </span>
  );
}

/** The table's name, renamed in place on double-click: Enter or leaving the field keeps it, Escape restores it. */
function TableName({ tableId, name }: { tableId: TableId; name: string }) {
  const renameTable = useEditorStore((s) => s.renameTable);
  const [original, setOriginal] = useState<string | null>(null);
  if (original === null) {
    return (
      <span className="table-name" onDoubleClick={() => setOriginal(name)} title="Double-click to rename">
        {visibleText(name) || <em>unnamed</em>}
      </span>
    );
  }
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') setOriginal(null);
    else if (event.key === 'Escape') {
      renameTable(tableId, original);
      setOriginal(null);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <input
      className="table-name-input nodrag"
      aria-label="Table name"
      value={name}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => renameTable(tableId, e.target.value)}
      onKeyDown={handleKeyDown}
      onBlur={() => setOriginal(null)}
      spellCheck={false}
    />
  );
}

/** A table on the canvas: header and one row per column with type and badges; side handles start connections. */
function TableNodeView({ id, data, selected }: NodeProps<TableFlowNode>) {
  const table = useEditorStore(selectTableById(data.tableId));
  const facts = useEditorStore(selectColumnFacts(data.tableId));
  const problems = useEditorStore(selectTableProblemsById(data.tableId));
  // '' when the search found the table itself, the column's id when it found a column, else null.
  const hit = useEditorStore((s) => (s.searchHit?.tableId === data.tableId ? (s.searchHit.columnId ?? '') : null));
  const isZoomedOut = useStore(selectIsZoomedOut);
  const isDropTarget = useStore((s) => selectDropTableId(s) === id);
  if (!table) return null;
  if (isZoomedOut) return <TableOutline id={id} table={table} selected={selected} isHit={hit !== null} isDropTarget={isDropTarget} />;
  return (
    <div
      className={`table-node${selected ? ' selected' : ''}${hit === '' ? ' search-hit' : ''}${isDropTarget ? ' drop-target' : ''}`}
      style={{ minWidth: tableMetrics.minWidth }}
      data-testid="table-node"
      data-table-name={table.name}
    >
      <Handle type="source" position={Position.Left} id="left" className="table-handle" data-testid="table-handle-left" />
      <Handle type="source" position={Position.Right} id="right" className="table-handle" data-testid="table-handle-right" />
      <div className="table-header" style={{ height: tableMetrics.headerHeight }}>
        <TableName tableId={data.tableId} name={table.name} />
        {table.schemaName !== 'public' && <span className="table-schema">{table.schemaName}</span>}
        <ProblemBadge problems={problems} />
      </div>
      {table.columns.map((column, i) => {
        const columnFacts = facts[i] ?? noColumnFacts;
        return (
          <div
            key={column.id}
            className={`table-row${hit === column.id ? ' search-hit' : ''}`}
            style={{ height: tableMetrics.rowHeight }}
            title={columnFacts.references ? `${column.name} references ${columnFacts.references}` : undefined}
          >
            <span className="column-name">{visibleText(column.name) || <em>unnamed</em>}</span>
            <span className="column-type">{column.type}</span>
            <Badges column={column} facts={columnFacts} />
            <Handle
              type="source"
              position={Position.Right}
              id={columnHandleId(column.id)}
              className="column-handle"
              title={
                column.isPrimaryKey
                  ? `Drag onto another table: it gets a foreign key to ${table.name}`
                  : `Drag onto another table: ${column.name} becomes a foreign key to it`
              }
            />
          </div>
        );
      })}
    </div>
  );
}

/** Memoized so editing one table re-renders one node. */
export const TableNode = memo(TableNodeView);
