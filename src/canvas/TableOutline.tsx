import { Handle, Position, useStore } from '@xyflow/react';
import { visibleText, type Table } from '../model/index.ts';
import { estimatedSize } from '../layout/autoLayout.ts';
import { useOverviewLabels } from './OverviewLabels.tsx';

/**
 * A table zoomed out: its box at the size it has when drawn in full (so edges, the minimap and the
 * layout see no change) with only its name on it, at a legible size, when the overview has room for
 * it. The handles stay: React Flow anchors edges on them.
 */
export function TableOutline({
  id,
  table,
  selected,
  isHit,
  isDropTarget,
}: {
  id: string;
  table: Table;
  selected: boolean;
  isHit: boolean;
  isDropTarget: boolean;
}) {
  const width = useStore((s) => s.nodeLookup.get(id)?.measured.width);
  const height = useStore((s) => s.nodeLookup.get(id)?.measured.height);
  const estimate = width && height ? null : estimatedSize(table);
  // A name the overview left out (it would overlap a better-connected table's) still shows when it matters here.
  const isNamed = useOverviewLabels((s) => s.named === null || s.named.has(id)) || selected || isHit || isDropTarget;
  return (
    <div
      className={`table-node table-outline${selected ? ' selected' : ''}${isHit ? ' search-hit' : ''}${isDropTarget ? ' drop-target' : ''}`}
      style={{ width: width ?? estimate!.width, height: height ?? estimate!.height }}
      data-testid="table-node"
      data-table-name={table.name}
      title={isNamed ? undefined : visibleText(table.name)}
    >
      <Handle type="source" position={Position.Left} id="left" className="table-handle" data-testid="table-handle-left" />
      <Handle type="source" position={Position.Right} id="right" className="table-handle" data-testid="table-handle-right" />
      {isNamed && <span className="table-outline-name">{visibleText(table.name)}</span>}
    </div>
  );
}
