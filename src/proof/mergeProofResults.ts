import type { RelationshipId, Schema } from '../model/index.ts';
import type { ScenarioResult } from './scenario.ts';

/**
 * The schema's results after an incremental proof: the fresh ones of the relationships it proved, the
 * earlier ones of every other relationship still in the schema, in the schema's relationship order (as a full proof lists them).
 */
export function mergeProofResults(
  schema: Schema,
  earlier: readonly ScenarioResult[],
  fresh: readonly ScenarioResult[],
  proved: readonly RelationshipId[],
): ScenarioResult[] {
  const order = new Map(schema.relationships.map((r, i) => [r.id, i]));
  const replaced = new Set(proved);
  const kept = earlier.filter((r) => order.has(r.relationshipId) && !replaced.has(r.relationshipId));
  const all = [...kept, ...fresh];
  const position = new Map(all.map((r, i) => [r, i]));
  return all.sort((a, b) => order.get(a.relationshipId)! - order.get(b.relationshipId)! || position.get(a)! - position.get(b)!);
}
