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
  useStoreApi,
  type EdgeMouseHandler,
  type FinalConnectionState,
  type NodeMouseHandler,
} from '@xyflow/react';
import type { Position, RelationshipId, TableId } from '../model/index.ts';
import { gridSize, toRelationshipEdges, useEditorStore, type NoteFlowNode, type TableFlowNode } from '../store/index.ts';
import { readDragConnection } from './connectFromHandles.ts';
import { dropTableOf } from './dropTarget.ts';
import { ConnectionPreview } from './ConnectionPreview.tsx';
import { Legend } from './Legend.tsx';
import { freeSpot } from '../layout/placement.ts';
import { RelationshipEdge } from './RelationshipEdge.tsx';
import { SearchBox } from './SearchBox.tsx';
import { focusNoteWhenDrawn, NoteNode } from './NoteNode.tsx';
import { TableNode } from './TableNode.tsx';
import { FitOnOpen } from './FitOnOpen.tsx';
import { CanvasLayersMark } from './CanvasLayersMark.tsx';
import { LabelScaleMark } from './LabelScaleMark.tsx';
import { OverviewLabels } from './OverviewLabels.tsx';
import { minZoom } from './levelOfDetail.ts';
import { LivePresence } from './LivePresence.tsx';

const nodeTypes = { table: TableNode, note: NoteNode };
const edgeTypes = { relationship: RelationshipEdge };
const snapGrid: [number, number] = [gridSize, gridSize];

/**
 * A free spot near the top left of the visible canvas, in flow coordinates: where new tables and notes
 * go. When the free spot is off screen (a crowded view), the view pans to it so the new thing is seen.
 */
function useFreeSpot(): () => Position {
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  return useCallback(() => {
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
    const topLeftThird = canvas ? { x: canvas.left + canvas.width / 4, y: canvas.top + canvas.height / 4 } : { x: 200, y: 200 };
    const spot = freeSpot(useEditorStore.getState().document.layout, screenToFlowPosition(topLeftThird));
    if (canvas) {
      const topLeft = screenToFlowPosition({ x: canvas.left, y: canvas.top });
      const bottomRight = screenToFlowPosition({ x: canvas.right - 240, y: canvas.bottom - 120 });
      const isVisible = spot.x >= topLeft.x && spot.y >= topLeft.y && spot.x <= bottomRight.x && spot.y <= bottomRight.y;
      if (!isVisible) void setCenter(spot.x + 110, spot.y + 60, { zoom: getZoom(), duration: 0 });
    }
    return spot;
  }, [screenToFlowPosition, setCenter, getZoom]);
}

/** Adds a table in free space near the top left of the visible canvas: the button and the command share it. */
export function useAddTable(): () => void {
  const spot = useFreeSpot();
  return useCallback(() => void useEditorStore.getState().addTable(spot()), [spot]);
}

/** Adds a sticky note there and puts the caret in it (once React Flow has drawn it). */
export function useAddNote(): () => void {
  const spot = useFreeSpot();
  return useCallback(() => {
    const position = spot();
    const id = useEditorStore.getState().addNote(position);
    focusNoteWhenDrawn(id);
  }, [spot]);
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

function AddNoteButton() {
  const addNote = useAddNote();
  return (
    <button type="button" onClick={addNote} title="Add a sticky note (N)">
      + Note
    </button>
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

/** The diagram: tables as nodes, relationships as crow's-foot edges; drag from a table's side handle and drop on another table to connect. */
export function DiagramCanvas() {
  const tableNodes = useEditorStore((s) => s.nodes);
  const noteNodes = useEditorStore((s) => s.noteNodes);
  const nodes = useMemo(() => (noteNodes.length === 0 ? tableNodes : [...tableNodes, ...noteNodes]), [tableNodes, noteNodes]);
  const relationships = useEditorStore((s) => s.document.schema.relationships);
  const selection = useEditorStore((s) => s.selection);
  const handleNodesChange = useEditorStore((s) => s.handleNodesChange);
  const theme = useEditorStore((s) => s.theme);
  const connectTables = useEditorStore((s) => s.connectTables);
  const select = useEditorStore((s) => s.select);
  const isSnapToGrid = useEditorStore((s) => s.isSnapToGrid);
  const isReadOnly = useEditorStore((s) => s.readOnlyReason !== null);
  const selectedRelationship = selection?.kind === 'relationship' ? selection.id : null;
  const edges = useMemo(() => toRelationshipEdges(relationships, selectedRelationship), [relationships, selectedRelationship]);

  const flowStore = useStoreApi();
  // A drop anywhere on a table connects to it (the table highlighted while dragging), not only on its side dot.
  const handleConnectEnd = useCallback(
    (_: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      const { transform, nodeLookup } = flowStore.getState();
      const targetId = dropTableOf(connection, transform, nodeLookup);
      if (!connection.fromNode || !targetId) return;
      const schema = useEditorStore.getState().document.schema;
      const drag = readDragConnection(schema, connection.fromNode.id as TableId, connection.fromHandle?.id, targetId);
      connectTables(drag.parentId, drag.childId, drag.options);
    },
    [connectTables, flowStore],
  );
  // With Shift / Ctrl / Cmd the click adds to the selection (React Flow reports it as a node change); alone it selects one table.
  const handleNodeClick: NodeMouseHandler<TableFlowNode | NoteFlowNode> = useCallback(
    (event, node) => {
      if (node.type === 'table' && !(event.shiftKey || event.ctrlKey || event.metaKey)) select({ kind: 'table', id: node.id as TableId });
    },
    [select],
  );
  const handleEdgeClick: EdgeMouseHandler = useCallback(
    (_, edge) => select({ kind: 'relationship', id: edge.id as RelationshipId }),
    [select],
  );
  const handlePaneClick = useCallback(() => select(null), [select]);

  return (
    <ReactFlow
      className="diagram-canvas"
      aria-label="Diagram"
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={handleNodesChange}
      onConnectEnd={handleConnectEnd}
      onNodeClick={handleNodeClick}
      multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
      onEdgeClick={handleEdgeClick}
      onPaneClick={handlePaneClick}
      connectionMode={ConnectionMode.Loose}
      nodesDraggable={!isReadOnly}
      nodesConnectable={!isReadOnly}
      connectionRadius={12}
      deleteKeyCode={null}
      onlyRenderVisibleElements
      snapToGrid={isSnapToGrid}
      snapGrid={snapGrid}
      fitView
      fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
      minZoom={minZoom}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
      colorMode={theme}
    >
      <Background gap={gridSize} />
      <FitOnOpen />
      <CanvasLayersMark />
      <LabelScaleMark />
      <OverviewLabels />
      <Controls showInteractive={false}>
        <SnapToGridButton />
      </Controls>
      <MiniMap pannable zoomable />
      <Panel position="top-left">
        <div className="canvas-tools">
          <AddTableButton />
          <AddNoteButton />
          <SearchBox />
        </div>
      </Panel>
      <Panel position="top-right">
        <Legend />
      </Panel>
      <ConnectionPreview />
      <LivePresence />
    </ReactFlow>
  );
}
