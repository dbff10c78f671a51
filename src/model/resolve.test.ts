import { describe, expect, it } from 'vitest';
import {
  deleteTable,
  findRelationship,
  isIdentifying,
  isIdentifyingResolved,
  resolveRelationship,
  setIdentifying,
  setOneToOneStrategy,
  type RelationshipId,
  type Schema,
} from './index.ts';
import { aSchema, ends } from '../testing/factories.ts';

const identifyingOf = (schema: Schema, id: RelationshipId) =>
  isIdentifyingResolved(resolveRelationship(schema, findRelationship(schema, id)!));

describe('isIdentifyingResolved: one rule for solid lines', () => {
  it('a 1:N is identifying exactly when its key columns are in the child primary key', () => {
    const base = aSchema();
    expect(identifyingOf(base.schema, base.relationshipId)).toBe(false);
    const identifying = setIdentifying(base.schema, base.relationshipId, true);
    expect(identifyingOf(identifying, base.relationshipId)).toBe(true);
    expect(isIdentifying(identifying, findRelationship(identifying, base.relationshipId)!)).toBe(true);
  });

  it('a shared primary key and a many-to-many are identifying; a relationship that cannot resolve is not', () => {
    const oneToOne = aSchema(ends.exactlyOne, ends.exactlyOne);
    const shared = setOneToOneStrategy(oneToOne.schema, oneToOne.relationshipId, 'sharedPrimaryKey');
    expect(identifyingOf(shared, oneToOne.relationshipId)).toBe(true);
    const manyToMany = aSchema(ends.zeroOrMany, ends.zeroOrMany);
    expect(identifyingOf(manyToMany.schema, manyToMany.relationshipId)).toBe(true);
    const orphan = findRelationship(oneToOne.schema, oneToOne.relationshipId)!;
    expect(isIdentifyingResolved(resolveRelationship(deleteTable(oneToOne.schema, oneToOne.parentId), orphan))).toBe(false);
  });
});
