import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addColumn,
  addTable,
  deleteColumn,
  deleteTable,
  editColumn,
  renameTable,
  setEnd,
  validateSchema,
  type Schema,
} from '../model/index.ts';
import { schemaArb } from '../testing/arbitraries.ts';
import { ends } from '../testing/factories.ts';
import { expectMigrates } from '../testing/migrationCheck.ts';
import { propertyRuns, propertyTimeout } from '../testing/propertyRuns.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { diffSchemas } from './index.ts';

const runs = propertyRuns(40);

/** One editor edit, picked by numbers so fast-check can shrink it; an edit that does not apply leaves the schema as it was. */
type Edit = [kind: number, which: number, detail: number];

function applyEdit(schema: Schema, [kind, which, detail]: Edit): Schema {
  const table = schema.tables[which % Math.max(schema.tables.length, 1)];
  const column = table?.columns[detail % Math.max(table.columns.length, 1)];
  const rel = schema.relationships[which % Math.max(schema.relationships.length, 1)];
  const endKinds = Object.values(ends);
  switch (kind % 8) {
    case 0:
      return table ? renameTable(schema, table.id, `${table.name}_r${detail}`) : schema;
    case 1:
      // A CHECK's text is not rewritten on a column rename (the editor leaves it to the user).
      return table && column && !table.checks.some((c) => c.expression.includes(column.name))
        ? editColumn(schema, table.id, column.id, { name: `${column.name}_r${detail}` })
        : schema;
    case 2:
      return table && column && !column.isPrimaryKey ? editColumn(schema, table.id, column.id, { isNotNull: !column.isNotNull }) : schema;
    case 3:
      return rel ? setEnd(schema, rel.id, detail % 2 === 0 ? 'from' : 'to', endKinds[detail % endKinds.length]!) : schema;
    case 4:
      return table ? deleteTable(schema, table.id) : schema;
    case 5:
      return table && column && !column.isPrimaryKey ? deleteColumn(schema, table.id, column.id) : schema;
    case 6:
      return table
        ? addColumn(schema, table.id, { name: `added_${detail}`, type: 'text', isNotNull: detail % 2 === 0, defaultValue: "''" }).schema
        : schema;
    default:
      return addTable(schema, `new_${detail}`).schema;
  }
}

const editsArb = fc.array(fc.tuple(fc.nat(7), fc.nat(20), fc.nat(20)), { minLength: 1, maxLength: 5 });

describe('diffSchemas over random documents and edits', () => {
  it(
    'finds nothing between a schema and itself',
    () =>
      fc.assert(
        fc.property(schemaArb, (schema) => {
          expect(diffSchemas(schema, structuredClone(schema))).toMatchObject({ up: [], down: [], problems: [] });
        }),
        { numRuns: runs },
      ),
    propertyTimeout(runs, 50),
  );

  it(
    'up reaches the edited schema and down returns, in PGlite',
    async () => {
      const runner = await testRunner();
      await fc.assert(
        fc.asyncProperty(schemaArb, editsArb, async (before, edits) => {
          const after = edits.reduce(applyEdit, before);
          fc.pre(validateSchema(after).every((p) => p.severity !== 'error'));
          await expectMigrates(runner, before, after);
        }),
        { numRuns: runs },
      );
    },
    propertyTimeout(runs, 500),
  );
});
