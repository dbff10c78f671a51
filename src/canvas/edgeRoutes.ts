import { useCallback } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import type { RelationshipId } from '../model/index.ts';
import { headerRowY, type EndRows } from '../layout/keyRows.ts';
import { routeEdges, type EdgeRequest, type EdgeRoute, type TableRect } from '../layout/edgeRouting.ts';
import { tableMetrics } from '../layout/tableMetrics.ts';
import type { RelationshipFlowEdge } from '../store/index.ts';

interface Routed {
  nodes: ReactFlowState['nodes'];
  edges: ReactFlowState['edges'];
  rows: ReadonlyMap<RelationshipId, EndRows>;
  tables: Map<string, TableRect>;
  requests: EdgeRequest[];
  routes: Map<string, EdgeRoute>;
}

const sameRect = (a: TableRect | undefined, b: TableRect) =>
  a !== undefined && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
const sameRequest = (a: EdgeRequest | undefined, b: EdgeRequest) =>
  a !== undefined &&
  a.id === b.id &&
  a.source === b.source &&
  a.target === b.target &&
  a.sourceRowY === b.sourceRowY &&
  a.targetRowY === b.targetRowY;

/** Whether the routing input is the same geometry as last time: typing a column's name changes nodes, not where edges go. */
function sameGeometry(last: Routed, tables: Map<string, TableRect>, requests: EdgeRequest[]): boolean {
  if (last.tables.size !== tables.size || last.requests.length !== requests.length) return false;
  for (const [id, rect] of tables) if (!sameRect(last.tables.get(id), rect)) return false;
  return requests.every((r, i) => sameRequest(last.requests[i], r));
}

/** The last routing of each React Flow (the canvas, an image being drawn), keyed by its node lookup, which lives as long as it does. */
const lastRouted = new WeakMap<object, Routed>();

const isSameRoute = (a: EdgeRoute, b: EdgeRoute) =>
  a.path === b.path && a.labelX === b.labelX && a.labelY === b.labelY && a.source.direction === b.source.direction;

/**
 * Every edge's route, computed for all edges together when the tables' places or sizes or the ends' rows change
 * (a drag frame, a measurement), not on every change of the nodes; an edge whose route did not change keeps the
 * same object, so only moved edges re-render.
 */
function routesOf(state: ReactFlowState, rows: ReadonlyMap<RelationshipId, EndRows>): Map<string, EdgeRoute> {
  const last = lastRouted.get(state.nodeLookup);
  if (last && last.nodes === state.nodes && last.edges === state.edges && last.rows === rows) return last.routes;
  const tables = new Map<string, TableRect>();
  for (const [id, node] of state.nodeLookup) {
    if (node.type !== 'table') continue;
    const { x, y } = node.internals.positionAbsolute;
    tables.set(id, {
      x,
      y,
      width: node.measured.width ?? tableMetrics.minWidth,
      height: node.measured.height ?? tableMetrics.headerHeight,
    });
  }
  const requests: EdgeRequest[] = (state.edges as RelationshipFlowEdge[]).map((edge) => {
    const ends = edge.data && rows.get(edge.data.relationshipId);
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceRowY: ends?.from ?? headerRowY,
      targetRowY: ends?.to ?? headerRowY,
    };
  });
  if (last && sameGeometry(last, tables, requests)) {
    lastRouted.set(state.nodeLookup, { ...last, nodes: state.nodes, edges: state.edges, rows });
    return last.routes;
  }
  const routes = routeEdges(tables, requests, last?.routes);
  if (last) {
    for (const [id, route] of routes) {
      const before = last.routes.get(id);
      if (before && isSameRoute(before, route)) routes.set(id, before);
    }
  }
  lastRouted.set(state.nodeLookup, { nodes: state.nodes, edges: state.edges, rows, tables, requests, routes });
  return routes;
}

/** One edge's route among all the diagram's edges (the same geometry on the canvas and in an exported image). */
export function useEdgeRoute(id: string, rows: ReadonlyMap<RelationshipId, EndRows>): EdgeRoute | undefined {
  return useStore(useCallback((s: ReactFlowState) => routesOf(s, rows).get(id), [id, rows]));
}
