import * as Y from 'yjs';
import type { Relationship } from '../model/index.ts';
import { entityFields, relationshipShapeKeys, sameValue } from './yShape.ts';

/** A kind of entity kept as a Y.Map of its fields. */
export type EntityKind = keyof typeof entityFields;

/** Any entity: an object with an id and the fields of its kind. */
type Entity = { id: string };

/** The values an entity's Y.Map holds, by field (undefined optional fields left out). */
export function fieldsOf(kind: EntityKind, entity: Entity): Map<string, unknown> {
  const source = entity as unknown as Record<string, unknown>;
  const fields = new Map<string, unknown>();
  for (const key of entityFields[kind]) {
    const value = kind === 'relationship' && key === 'shape' ? shapeOf(entity as unknown as Relationship) : source[key];
    if (value !== undefined) fields.set(key, value);
  }
  return fields;
}

/** A relationship's ends, key holder, strategy and key columns as one value. */
function shapeOf(rel: Relationship): Record<string, unknown> {
  const shape: Record<string, unknown> = {};
  for (const key of relationshipShapeKeys) if (rel[key] !== undefined) shape[key] = rel[key];
  return shape;
}

/** The entity a Y.Map of fields holds, its keys in the model's order; undefined when the value is no Y.Map (dropped by every reader alike). */
export function entityOf<T>(kind: EntityKind, id: string, ymap: unknown): T | undefined {
  if (!(ymap instanceof Y.Map)) return undefined;
  const entity: Record<string, unknown> = { id };
  for (const key of entityFields[kind]) {
    const value = ymap.get(key);
    if (value === undefined) continue;
    if (kind === 'relationship' && key === 'shape') {
      const shape = value as Record<string, unknown>;
      for (const shapeKey of relationshipShapeKeys) if (shape[shapeKey] !== undefined) entity[shapeKey] = shape[shapeKey];
    } else entity[key] = value;
  }
  return entity as T;
}

/** A new Y.Map holding an entity's fields. */
export function newEntityMap(kind: EntityKind, entity: Entity): Y.Map<unknown> {
  return new Y.Map<unknown>(fieldsOf(kind, entity));
}

/** Writes the fields that differ between two versions of an entity: one key per changed field, none when equal. */
export function writeEntityChange(kind: EntityKind, ymap: Y.Map<unknown>, before: Entity, after: Entity): void {
  const old = fieldsOf(kind, before);
  const now = fieldsOf(kind, after);
  for (const key of entityFields[kind]) {
    const value = now.get(key);
    if (value === undefined) {
      if (old.has(key) || ymap.has(key)) ymap.delete(key);
    } else if (!sameValue(old.get(key), value) || !ymap.has(key)) ymap.set(key, value);
  }
}
