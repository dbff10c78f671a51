import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Layout, Position, Schema, Table, TableId } from '../model/index.ts';
import { tableMetrics } from './tableMetrics.ts';

/** A table's box on the canvas, as React Flow measured it or as estimated before it was drawn. */
export interface Size {
  width: number;
  height: number;
}

/**
 * ELK's layered (Sugiyama) layout, left to right because edges meet tables on their sides: a
 * referenced table stands left of the tables that reference it, related tables in neighbouring
 * layers, crossings minimised layer by layer, and unconnected groups packed side by side.
 */
export const elkLayoutOptions: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '160',
  'elk.spacing.componentComponent': '80',
  'elk.separateConnectedComponents': 'true',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.aspectRatio': '1.6',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

/** A table's size before React Flow has measured it: header, rows, and the widest row at the node's font sizes. */
export function estimatedSize(table: Table): Size {
  const widestRow = Math.max(table.name.length * 8 + 40, ...table.columns.map((c) => c.name.length * 7.5 + c.type.length * 7.5 + 90));
  return {
    width: Math.max(tableMetrics.minWidth, Math.ceil(widestRow)),
    height: tableMetrics.headerHeight + table.columns.length * tableMetrics.rowHeight + 2,
  };
}

/** The ELK graph of a schema: one node per table (measured size where known), one edge per relationship between two tables. */
export function toElkGraph(schema: Schema, measured: ReadonlyMap<string, Partial<Size> | undefined>): ElkNode {
  const children = schema.tables.map((table) => {
    const size = measured.get(table.id);
    const { width, height } = size?.width && size.height ? (size as Size) : estimatedSize(table);
    return { id: table.id, width, height };
  });
  const edges = schema.relationships
    .filter((r) => r.from.tableId !== r.to.tableId)
    .map((r) => ({ id: r.id, sources: [r.from.tableId], targets: [r.to.tableId] }));
  return { id: 'schema', layoutOptions: elkLayoutOptions, children, edges };
}

/**
 * The positions ELK chose, moved so the diagram's top-left corner stays where it was (the view
 * does not jump) and, when `grid` is given, rounded to it.
 */
export function layoutFromElk(result: ElkNode, previous: Layout, grid?: number): Layout {
  const before = Object.values(previous);
  const origin: Position =
    before.length > 0 ? { x: Math.min(...before.map((p) => p.x)), y: Math.min(...before.map((p) => p.y)) } : { x: 0, y: 0 };
  const snap = (n: number) => (grid ? Math.round(n / grid) * grid : Math.round(n));
  const layout: Layout = {};
  for (const node of result.children ?? []) {
    layout[node.id as TableId] = { x: snap(origin.x + (node.x ?? 0)), y: snap(origin.y + (node.y ?? 0)) };
  }
  return layout;
}

/** Pairs of tables whose boxes overlap: what an automatic layout must never leave. */
export function overlappingTables(layout: Layout, sizes: ReadonlyMap<string, Size>): [TableId, TableId][] {
  const boxes = Object.entries(layout).map(([id, p]) => ({ id: id as TableId, ...p, ...(sizes.get(id) ?? { width: 0, height: 0 }) }));
  const pairs: [TableId, TableId][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) pairs.push([a.id, b.id]);
    }
  }
  return pairs;
}
