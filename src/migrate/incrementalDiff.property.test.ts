import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editColumn } from '../model/index.ts';
import { schemaArb } from '../testing/arbitraries.ts';
import { tableOf, withTable, aTable } from '../testing/factories.ts';
import { propertyRuns, propertyTimeout } from '../testing/propertyRuns.ts';
import { apply, editArb } from '../testing/schemaEdits.ts';
import { diffSchemas } from './index.ts';
import type { Migration } from './migration.ts';

const runs = propertyRuns(60);

/** The same diff made from objects never seen before: copies have new Table objects, so no memo answers. */
const freshDiff = (from: Parameters<typeof diffSchemas>[0], to: Parameters<typeof diffSchemas>[1]): Migration =>
  diffSchemas(structuredClone(from), structuredClone(to));

describe('the diff reuses what it made for tables an edit left alone', () => {
  it(
    'gives the same migration as a fresh diff after each of a series of editor edits',
    () =>
      fc.assert(
        fc.property(schemaArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (base, edits) => {
          // As the Migration tab: the base version stays one object, the design changes one edit at a time.
          let design = base;
          for (const edit of edits) {
            design = apply(design, edit).schema;
            expect(diffSchemas(base, design)).toEqual(freshDiff(base, design));
          }
        }),
        { numRuns: runs },
      ),
    propertyTimeout(runs, 100),
  );

  it('renames the constraint of a table the edit did not touch when its generated name is freed elsewhere', () => {
    // `a.b_c` UNIQUE is named a_b_c_key, so `a_b.c` UNIQUE becomes a_b_c1_key; renaming a.b_c frees the name.
    const a = aTable('a', { name: 'b_c', type: 'text', isUnique: true });
    const both = withTable(a.schema, 'a_b', { name: 'c', type: 'text', isUnique: true });
    const column = tableOf(both.schema, a.tableId).columns.find((c) => c.name === 'b_c')!;
    const renamed = editColumn(both.schema, a.tableId, column.id, { name: 'x' });
    expect(tableOf(renamed, both.tableId)).toBe(tableOf(both.schema, both.tableId));
    diffSchemas(both.schema, both.schema);
    const migration = diffSchemas(both.schema, renamed);
    expect(migration).toEqual(freshDiff(both.schema, renamed));
    expect(migration.up.map((s) => s.sql).join('\n')).toContain('ALTER TABLE a_b RENAME CONSTRAINT a_b_c1_key TO a_b_c_key;');
  });
});
