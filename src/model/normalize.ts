import type { EndSide, Relationship } from './schema.ts';
import { relationshipKind } from './resolve.ts';

/** The junction a relationship carries when it is not a many-to-many: none. */
const noJunction: Relationship['junction'] = { name: '', columns: [] };

/**
 * Resets the fields that only some kinds of relationship have to their canonical value when they do
 * not apply, so a stale one-to-one strategy, key holder or junction can never steer a later edit:
 * a 1:N's key sits on its many end with the plain strategy and no junction; a 1:1 has no junction;
 * a many-to-many holds no foreign key and has the plain strategy. Unknown optional fields pass through.
 */
export function normalizeRelationship(rel: Relationship): Relationship {
  const kind = relationshipKind(rel);
  const keyHolder: EndSide =
    kind === 'oneToMany' ? (rel.from.max === 'many' ? 'from' : 'to') : kind === 'manyToMany' ? 'to' : rel.keyHolder;
  const oneToOne = kind === 'oneToOne' ? rel.oneToOne : 'foreignKeyUnique';
  const junction = kind === 'manyToMany' ? rel.junction : noJunction;
  const foreignKeyColumnIds = kind === 'manyToMany' ? [] : rel.foreignKeyColumnIds;
  const isCanonical =
    keyHolder === rel.keyHolder &&
    oneToOne === rel.oneToOne &&
    (junction === rel.junction ||
      (junction.name === rel.junction.name && junction.columns.length === 0 && rel.junction.columns.length === 0)) &&
    foreignKeyColumnIds.length === rel.foreignKeyColumnIds.length;
  return isCanonical ? rel : { ...rel, keyHolder, oneToOne, junction, foreignKeyColumnIds };
}

/** True for a one-to-one whose foreign key is the child's own primary key. */
export function isSharedPrimaryKey(rel: Relationship): boolean {
  return relationshipKind(rel) === 'oneToOne' && rel.oneToOne === 'sharedPrimaryKey';
}
