import { useCallback, useMemo } from 'react';
import {
  Background,
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeMouseHandler,
  type NodeMouseHandler,
} from '@xyflow/react';
import type { RelationshipId, TableId } from '../model/index.ts';
import { toRelationshipEdges, useEditorStore, type TableFlowNode } from '../store/index.ts';
import { gridSize } from '../store/viewSlice.ts';
import { Legend } from './Legend.tsx';
import { freeSpot } from './placement.ts';
import { RelationshipEdge } from './RelationshipEdge.tsx';
import { SearchBox } from './SearchBox.tsx';
import { TableNode } from './TableNode.tsx';

const nodeTypes = { table: TableNode };
const edgeTypes = { relationship: RelationshipEdge };
const snapGrid: [number, number] = [gridSize, gridSize];

/** Adds a table in free space near the top left of the visible canvas: the button and the command share it. */
export function useAddTable(): () => void {
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(() => {
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
    const topLeftThird = canvas ? { x: canvas.left + canvas.width / 4, y: canvas.top + canvas.height / 4 } : { x: 200, y: 200 };
    const { addTable, document: current } = useEditorStore.getState();
    addTable(freeSpot(current.layout, screenToFlowPosition(topLeftThird)));
  }, [screenToFlowPosition]);
}

/** The Controls button that turns snapping to the grid on and off (also the G key). */
function SnapToGridButton() {
  const isSnapToGrid = useEditorStore((s) => s.isSnapToGrid);
  const toggle = useEditorStore((s) => s.toggleSnapToGrid);
  return (
    <ControlButton onClick={toggle} aria-pressed={isSnapToGrid} className="snap-toggle" title="Snap to grid (G)" aria-label="Snap to grid">
      <svg viewBox="0 0 12 12" aria-hidden="true">
        <path d="M1 4h10M1 8h10M4 1v10M8 1v10" stroke="currentColor" strokeWidth="1.2" fill="none" />
      </svg>
    </ControlButton>
  );
}

function AddTableButton() {
  const addTable = useAddTable();
  return (
    <button type="button" className="primary" onClick={addTable} title="Add a table (T)">
      + Add table
    </button>
  );
}

/** The diagram: tables as nodes, relationships as crow's-foot edges; drag from a table's side handle to connect. */
export function DiagramCanvas() {
  const nodes = useEditorStore((s) => s.nodes);
  const relationships = useEditorStore((s) => s.document.schema.relationships);
  const selection = useEditorStore((s) => s.selection);
  const handleNodesChange = useEditorStore((s) => s.handleNodesChange);
  const theme = useEditorStore((s) => s.theme);
  const connectTables = useEditorStore((s) => s.connectTables);
  const select = useEditorStore((s) => s.select);
  const isSnapToGrid = useEditorStore((s) => s.isSnapToGrid);
  const selectedRelationship = selection?.kind === 'relationship' ? selection.id : null;
  const edges = useMemo(() => toRelationshipEdges(relationships, selectedRelationship), [relationships, selectedRelationship]);

  const handleConnect = useCallback(
    (connection: Connection) => connectTables(connection.source as TableId, connection.target as TableId),
    [connectTables],
  );
  // With Shift / Ctrl / Cmd the click adds to the selection (React Flow reports it as a node change); alone it selects one table.
  const handleNodeClick: NodeMouseHandler<TableFlowNode> = useCallback(
    (event, node) => {
      if (!(event.shiftKey || event.ctrlKey || event.metaKey)) select({ kind: 'table', id: node.id as TableId });
    },
    [select],
  );
  const handleEdgeClick: EdgeMouseHandler = useCallback((_, edge) => select({ kind: 'relationship', id: edge.id as RelationshipId }), [select]);
  const handlePaneClick = useCallback(() => select(null), [select]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={handleNodesChange}
      onConnect={handleConnect}
      onNodeClick={handleNodeClick}
      multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
      onEdgeClick={handleEdgeClick}
      onPaneClick={handlePaneClick}
      connectionMode={ConnectionMode.Loose}
      connectionRadius={40}
      deleteKeyCode={null}
      onlyRenderVisibleElements
      snapToGrid={isSnapToGrid}
      snapGrid={snapGrid}
      fitView
      fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
      minZoom={0.1}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
      colorMode={theme}
    >
      <Background gap={gridSize} />
      <Controls showInteractive={false}>
        <SnapToGridButton />
      </Controls>
      <MiniMap pannable zoomable />
      <Panel position="top-left">
        <div className="canvas-tools">
          <AddTableButton />
          <SearchBox />
        </div>
      </Panel>
      <Panel position="top-right">
        <Legend />
      </Panel>
    </ReactFlow>
  );
}
