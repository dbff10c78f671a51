import type { Edge, Node } from '@xyflow/react';
import type { ErdDocument, Note, NoteId, Relationship, RelationshipId, TableId } from '../model/index.ts';

/** Node data is just the table id: a TableNode reads its own table from the store. */
export type TableNodeData = { tableId: TableId };
/** A React Flow node showing one table. */
export type TableFlowNode = Node<TableNodeData, 'table'>;

/**
 * Maps the document to React Flow nodes, reusing the previous node objects where nothing changed
 * (so React Flow keeps their measured size and skips re-rendering them), and the previous array
 * itself when no node changed.
 */
export function toTableNodes(
  document: ErdDocument,
  previous: readonly TableFlowNode[],
  selectedTableIds: readonly TableId[],
): TableFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  const chosen = new Set(selectedTableIds);
  const nodes = document.schema.tables.map((table): TableFlowNode => {
    const position = document.layout[table.id] ?? { x: 0, y: 0 };
    const selected = chosen.has(table.id);
    const old = byId.get(table.id);
    if (old && old.position.x === position.x && old.position.y === position.y && Boolean(old.selected) === selected) return old;
    return { ...old, id: table.id, type: 'table', position, data: old?.data ?? { tableId: table.id }, selected };
  });
  // Typing a name changes no node: the same array then, or React Flow re-reads all of them on each keystroke.
  return nodes.length === previous.length && nodes.every((n, i) => n === previous[i]) ? (previous as TableFlowNode[]) : nodes;
}

/** A sticky note on the canvas; its data is just the note id. */
export type NoteFlowNode = Node<{ noteId: NoteId }, 'note'>;

/** Notes as React Flow nodes, reusing unchanged ones (they keep their measured size). */
export function toNoteNodes(notes: readonly Note[] | undefined, previous: readonly NoteFlowNode[]): NoteFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return (notes ?? []).map((note) => {
    const old = byId.get(note.id);
    if (old && old.position.x === note.position.x && old.position.y === note.position.y) return old;
    return { ...old, id: note.id, type: 'note', position: note.position, data: { noteId: note.id }, dragHandle: '.note-grip' };
  });
}

/** Edge data is just the relationship id; the edge reads the rest from the store. */
export type RelationshipFlowEdge = Edge<{ relationshipId: RelationshipId }, 'relationship'>;

/** One edge per relationship, from its `from` table to its `to` table. */
export function toRelationshipEdges(relationships: readonly Relationship[], selectedId: RelationshipId | null): RelationshipFlowEdge[] {
  return relationships.map((r) => ({
    id: r.id,
    type: 'relationship',
    source: r.from.tableId,
    target: r.to.tableId,
    data: { relationshipId: r.id },
    selected: r.id === selectedId,
  }));
}
