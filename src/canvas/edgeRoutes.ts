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
  routes: Map<string, EdgeRoute>;
}

/** The last routing of each React Flow (the canvas, an image being drawn), keyed by its node lookup, which lives as long as it does. */
const lastRouted = new WeakMap<object, Routed>();

const isSameRoute = (a: EdgeRoute, b: EdgeRoute) =>
  a.path === b.path && a.labelX === b.labelX && a.labelY === b.labelY && a.source.direction === b.source.direction;

/**
 * Every edge's route, computed once per change of the nodes (a drag frame, a measurement) for all edges
 * together; an edge whose route did not change keeps the same object, so only moved edges re-render.
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
  const routes = routeEdges(tables, requests, last?.routes);
  if (last) {
    for (const [id, route] of routes) {
      const before = last.routes.get(id);
      if (before && isSameRoute(before, route)) routes.set(id, before);
    }
  }
  lastRouted.set(state.nodeLookup, { nodes: state.nodes, edges: state.edges, rows, routes });
  return routes;
}

/** One edge's route among all the diagram's edges (the same geometry on the canvas and in an exported image). */
export function useEdgeRoute(id: string, rows: ReadonlyMap<RelationshipId, EndRows>): EdgeRoute | undefined {
  return useStore(useCallback((s: ReactFlowState) => routesOf(s, rows).get(id), [id, rows]));
}
