import { describe, expect, it } from 'vitest';
import { connect, lintSchema, updateRelationship, updateTableFields } from './index.ts';
import { aSchema, ends } from '../testing/factories.ts';

describe('lintSchema', () => {
  it('finds a cycle of mandatory foreign keys and says how to fix it', () => {
    const base = aSchema(ends.exactlyOne, ends.zeroOrMany, { parent: 'a', child: 'b' });
    const cycle = connect(base.schema, base.childId, base.parentId, { from: ends.exactlyOne, to: ends.zeroOrMany });
    const problems = lintSchema(cycle.schema);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^Mandatory foreign keys form a cycle \((a → b → a|b → a → b)\): no insert order can satisfy them\. Make one end "zero or one", or mark one of these relationships deferrable$/) }),
    ]);
    expect(lintSchema(updateRelationship(cycle.schema, cycle.relationshipId, { isDeferrable: true }))).toEqual([]);
  });

  it('does not count a self-reference as a cycle: a row may point at itself', () => {
    const { schema, parentId } = aSchema();
    expect(lintSchema(connect(schema, parentId, parentId, { from: ends.exactlyOne, to: ends.zeroOrMany }).schema)).toEqual([]);
  });

  it('advises that a 1:1 mandatory on both sides may be one table, until a comment says why it is split', () => {
    const both = aSchema(ends.exactlyOne, ends.exactlyOne, { parent: 'users', child: 'user_profiles' });
    expect(lintSchema(both.schema)).toEqual([expect.objectContaining({ severity: 'info', relationshipId: both.relationshipId, message: expect.stringMatching(/one table may do/) })]);
    expect(lintSchema(updateTableFields(both.schema, both.childId, { comment: 'Kept apart: profiles are large and rarely read.' }))).toEqual([]);
  });

  it('warns about a table without a primary key', () => {
    const { schema, parentId } = aSchema();
    const keyless = { ...schema, relationships: [], tables: schema.tables.map((t) => (t.id === parentId ? { ...t, columns: t.columns.map((c) => ({ ...c, isPrimaryKey: false })) } : t)) };
    expect(lintSchema(keyless)).toEqual([expect.objectContaining({ severity: 'warning', tableId: parentId, message: 'Table "authors" has no primary key; mark a column as PK' })]);
  });
});
