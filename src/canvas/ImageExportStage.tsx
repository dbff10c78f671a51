import { memo, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  ConnectionMode,
  ReactFlow,
  ReactFlowProvider,
  useNodesInitialized,
  useStore,
  type NodeProps,
  type ReactFlowState,
} from '@xyflow/react';
import type { TableId } from '../model/index.ts';
import { toNoteNodes, toRelationshipEdges, toTableNodes, useEditorStore, type NoteFlowNode } from '../store/index.ts';
import { measureDrawing, type Box } from '../layout/drawingBounds.ts';
import { DrawAllEdgeLabels } from './EdgeLabel.tsx';
import { RelationshipEdge } from './RelationshipEdge.tsx';
import { TableNode } from './TableNode.tsx';
import './imageExport.css';

/** A drawn diagram ready to be captured: React Flow's viewport element and the box around what it shows. */
export interface StagedDrawing {
  viewport: HTMLElement;
  bounds: Box;
  /** The theme's background colour, resolved, for the image's solid background. */
  background: string;
}

interface Props {
  theme: 'light' | 'dark';
  /** The tables to draw (with the relationships between them), or null for all of them. */
  tableIds: readonly TableId[] | null;
  withNotes: boolean;
  onReady(drawing: StagedDrawing): void;
  onFail(error: Error): void;
}

/** A sticky note as it reads on paper: its text, not an editable field with a scroll bar and a delete button. */
function NoteImageView({ data }: NodeProps<NoteFlowNode>) {
  const text = useEditorStore((s) => s.document.notes?.find((n) => n.id === data.noteId)?.text ?? '');
  return (
    <div className="note-node" data-note-id={data.noteId}>
      <div className="note-grip">
        <span>Note</span>
      </div>
      <div className="note-text">{text}</div>
    </div>
  );
}

const nodeTypes = { table: TableNode, note: memo(NoteImageView) };
const edgeTypes = { relationship: RelationshipEdge };
const defaultViewport = { x: 0, y: 0, zoom: 1 };
const selectDomNode = (s: ReactFlowState) => s.domNode;
/** Frames to wait for the edges once the nodes are measured (they draw a frame or two later). */
const maxFrames = 240;

/** The diagram as the stage would have it: nodes without their on-screen selection and size, edges between drawn tables only. */
function useStagedElements(tableIds: readonly TableId[] | null, withNotes: boolean) {
  // A snapshot when the export starts: the image shows the diagram as it was when asked for.
  const [elements] = useState(() => {
    const { document } = useEditorStore.getState();
    const chosen = new Set(tableIds ?? document.schema.tables.map((t) => t.id));
    const tables = toTableNodes(document, [], []).filter((n) => chosen.has(n.id as TableId));
    const notes = withNotes && tableIds === null ? toNoteNodes(document.notes, []) : [];
    const relationships = document.schema.relationships.filter((r) => chosen.has(r.from.tableId) && chosen.has(r.to.tableId));
    return { nodes: [...tables, ...notes], edges: toRelationshipEdges(relationships, null) };
  });
  return elements;
}

/** Waits until every node is measured and every edge drawn, then hands the drawing over once. */
function ReadyWhenDrawn({ edgeCount, onReady, onFail }: { edgeCount: number } & Pick<Props, 'onReady' | 'onFail'>) {
  const isMeasured = useNodesInitialized();
  const domNode = useStore(selectDomNode);
  useEffect(() => {
    if (!isMeasured || !domNode) return;
    let frame = 0;
    let isCancelled = false;
    const check = () => {
      if (isCancelled) return;
      const viewport = domNode.querySelector<HTMLElement>('.react-flow__viewport');
      const edgesDrawn = domNode.querySelectorAll('.relationship-edge').length;
      if (!viewport || edgesDrawn < edgeCount) {
        if (++frame < maxFrames) return void requestAnimationFrame(check);
        return onFail(new Error(`only ${edgesDrawn} of ${edgeCount} relationships were drawn`));
      }
      void document.fonts.ready.then(() => {
        if (isCancelled) return;
        const bounds = measureDrawing(viewport);
        if (!bounds) return onFail(new Error('nothing to draw'));
        onReady({ viewport, bounds, background: getComputedStyle(domNode).backgroundColor });
      });
    };
    requestAnimationFrame(check);
    return () => {
      isCancelled = true;
    };
  }, [isMeasured, domNode, edgeCount, onReady, onFail]);
  return null;
}

/**
 * A second, hidden React Flow that draws the diagram for an image: every table in full (zoom 1, so no
 * outlines whatever the canvas's zoom; all nodes rendered, not just those on screen), in the chosen
 * theme's colours (the wrapper carries its own data-theme), without selection, handles or controls.
 */
export function ImageExportStage({ theme, tableIds, withNotes, onReady, onFail }: Props) {
  const { nodes, edges } = useStagedElements(tableIds, withNotes);
  return createPortal(
    <div className="image-export" data-theme={theme} aria-hidden="true" inert>
      <ReactFlowProvider>
        <DrawAllEdgeLabels value>
          <ReactFlow
            defaultNodes={nodes}
            defaultEdges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            defaultViewport={defaultViewport}
            minZoom={1}
            maxZoom={1}
            colorMode={theme}
            // As on the canvas: every handle is a source, and an edge may end on any of them.
            connectionMode={ConnectionMode.Loose}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            panOnDrag={false}
            zoomOnScroll={false}
            preventScrolling={false}
            proOptions={{ hideAttribution: true }}
          >
            <ReadyWhenDrawn edgeCount={edges.length} onReady={onReady} onFail={onFail} />
          </ReactFlow>
        </DrawAllEdgeLabels>
      </ReactFlowProvider>
    </div>,
    document.body,
  );
}
