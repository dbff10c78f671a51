import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTable, checkInvariants, emptySchema, type ColumnId, type Schema } from './index.ts';
import { apply, editArb, type Edit } from '../testing/schemaEdits.ts';
import { propertyRuns, propertyTimeout } from '../testing/propertyRuns.ts';

/** PROPERTY_RUNS=2000 for a long run; each run is up to 40 edits, a few ms in all (20 ms allowed). */
const runs = propertyRuns(200);

/** The schema and the key columns edits generated that the person has not touched since. */
interface State {
  schema: Schema;
  generated: Set<ColumnId>;
}

const columnIdsOf = (schema: Schema) => new Set(schema.tables.flatMap((t) => t.columns.map((c) => c.id)));

/** One step: the edit, then the generated-column bookkeeping the orphan check needs. */
function step(state: State, edit: Edit): State {
  const before = columnIdsOf(state.schema);
  const applied = apply(state.schema, edit);
  const touched = new Set([applied.touched ?? []].flat());
  const generated = new Set([...state.generated].filter((id) => !touched.has(id)));
  if (!applied.isOwnColumn) for (const id of columnIdsOf(applied.schema)) if (!before.has(id)) generated.add(id);
  return { schema: applied.schema, generated };
}

describe('model invariants over random edit sequences', () => {
  it(
    'hold after every step',
    () => {
      fc.assert(
        fc.property(fc.array(editArb, { minLength: 1, maxLength: 40 }), (edits) => {
          let state: State = { schema: addTable(addTable(emptySchema, 'authors').schema, 'books').schema, generated: new Set() };
          edits.forEach((edit, i) => {
            state = step(state, edit);
            expect(
              checkInvariants(state.schema, { generatedColumnIds: state.generated }),
              `after step ${i + 1}: ${JSON.stringify(edit)}`,
            ).toEqual([]);
          });
        }),
        { numRuns: runs },
      );
    },
    propertyTimeout(runs, 20),
  );
});
