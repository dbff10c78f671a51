import { useCallback, useMemo } from 'react';
import {
  Background,
  ConnectionMode,
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
import { Legend } from './Legend.tsx';
import { freeSpot } from './placement.ts';
import { RelationshipEdge } from './RelationshipEdge.tsx';
import { TableNode } from './TableNode.tsx';

const nodeTypes = { table: TableNode };
const edgeTypes = { relationship: RelationshipEdge };

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
  const selectedRelationship = selection?.kind === 'relationship' ? selection.id : null;
  const edges = useMemo(() => toRelationshipEdges(relationships, selectedRelationship), [relationships, selectedRelationship]);

  const handleConnect = useCallback(
    (connection: Connection) => connectTables(connection.source as TableId, connection.target as TableId),
    [connectTables],
  );
  const handleNodeClick: NodeMouseHandler<TableFlowNode> = useCallback((_, node) => select({ kind: 'table', id: node.id as TableId }), [select]);
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
      onEdgeClick={handleEdgeClick}
      onPaneClick={handlePaneClick}
      connectionMode={ConnectionMode.Loose}
      connectionRadius={40}
      deleteKeyCode={null}
      fitView
      fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
      minZoom={0.1}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
      colorMode={theme}
    >
      <Background gap={24} />
      <Controls showInteractive={false} />
      <MiniMap pannable zoomable />
      <Panel position="top-left">
        <AddTableButton />
      </Panel>
      <Panel position="top-right">
        <Legend />
      </Panel>
    </ReactFlow>
  );
}
