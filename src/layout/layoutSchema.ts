import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Layout, Schema } from '../model/index.ts';
import { estimatedSize, layoutFromElk, toElkGraph } from './autoLayout.ts';

/** What of ELK the layout needs: its worker-backed API in the browser, its bundled build in Node. */
export interface ElkEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** A first layout for a schema not yet drawn (an import): ELK's layered layout over estimated table sizes, from (0, 0). */
export async function layoutSchema(schema: Schema, elk: ElkEngine, grid?: number): Promise<Layout> {
  if (schema.tables.length === 0) return {};
  const sizes = new Map(schema.tables.map((t) => [t.id as string, estimatedSize(t)]));
  return layoutFromElk(await elk.layout(toElkGraph(schema, sizes)), {}, grid);
}
