import { describe, expect, it } from 'vitest';
import { connect, editColumn, lintSchema, setEnd, updateRelationship, updateTableFields } from './index.ts';
import { anIndex, aSchema, ends } from '../testing/factories.ts';

describe('lintSchema', () => {
  it('finds a cycle of mandatory foreign keys and says how to fix it', () => {
    const base = aSchema(ends.exactlyOne, ends.zeroOrMany, { parent: 'a', child: 'b' });
    const cycle = connect(base.schema, base.childId, base.parentId, { from: ends.exactlyOne, to: ends.zeroOrMany });
    const problems = lintSchema(cycle.schema);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(
          /^Mandatory foreign keys form a cycle \((a → b → a|b → a → b)\): no insert order can satisfy them\. Make one end "zero or one", or mark one of these relationships deferrable$/,
        ),
      }),
    ]);
    expect(lintSchema(updateRelationship(cycle.schema, cycle.relationshipId, { isDeferrable: true }))).toEqual([]);
  });

  it('does not count a self-reference as a cycle: a row may point at itself', () => {
    const { schema, parentId } = aSchema();
    expect(lintSchema(connect(schema, parentId, parentId, { from: ends.exactlyOne, to: ends.zeroOrMany }).schema)).toEqual([]);
  });

  it('advises that a 1:1 mandatory on both sides may be one table, until a comment says why it is split', () => {
    const both = aSchema(ends.exactlyOne, ends.exactlyOne, { parent: 'users', child: 'user_profiles' });
    expect(lintSchema(both.schema)).toEqual([
      expect.objectContaining({
        severity: 'info',
        relationshipId: both.relationshipId,
        message: expect.stringMatching(/one table may do/),
      }),
    ]);
    expect(
      lintSchema(updateTableFields(both.schema, both.childId, { comment: 'Kept apart: profiles are large and rarely read.' })),
    ).toEqual([]);
  });

  it('warns about a table without a primary key', () => {
    const { schema, parentId } = aSchema();
    const keyless = {
      ...schema,
      relationships: [],
      tables: schema.tables.map((t) => (t.id === parentId ? { ...t, columns: t.columns.map((c) => ({ ...c, isPrimaryKey: false })) } : t)),
    };
    expect(lintSchema(keyless)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        tableId: parentId,
        message: 'Table "authors" has no primary key; mark a column as PK',
      }),
    ]);
  });

  it('flags a UNIQUE foreign key under a "many" end (an imported 1:1 redrawn as 1:N), naming the UNIQUE and the fix', () => {
    const oneToOne = aSchema(ends.exactlyOne, ends.zeroOrOne, { parent: 'people', child: 'passports' });
    const fk = oneToOne.schema.tables.find((t) => t.id === oneToOne.childId)!.columns.at(-1)!;
    const imported = editColumn(oneToOne.schema, oneToOne.childId, fk.id, { isUnique: true });
    expect(lintSchema(imported)).toEqual([]);
    const redrawn = setEnd(imported, oneToOne.relationshipId, 'to', ends.zeroOrMany);
    expect(lintSchema(redrawn)).toEqual([
      {
        severity: 'warning',
        relationshipId: oneToOne.relationshipId,
        message: `Each people row is drawn with many passports rows, but the foreign key "passports".(${fk.name}) allows only one: column ${fk.name} is UNIQUE (untick it), or draw the "passports" end as one (1:1)`,
      },
    ]);
    expect(lintSchema(editColumn(redrawn, oneToOne.childId, fk.id, { isUnique: false }))).toEqual([]);
  });

  it('flags a unique index on the foreign key of a "many" end too', () => {
    const { schema, childId, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrMany, { parent: 'people', child: 'passports' });
    const fk = schema.tables.find((t) => t.id === childId)!.columns.at(-1)!;
    const indexed = updateTableFields(schema, childId, { indexes: [anIndex([fk.id], { name: 'passports_person', isUnique: true })] });
    expect(lintSchema(indexed)).toEqual([
      expect.objectContaining({
        relationshipId,
        message: expect.stringContaining(
          'the unique index "passports_person" on (' + fk.name + ') makes it unique (drop it or make it not unique)',
        ),
      }),
    ]);
  });
});
