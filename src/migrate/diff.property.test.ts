import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addColumn,
  addTable,
  deleteColumn,
  deleteTable,
  editColumn,
  makeIndex,
  referentialActions,
  renameTable,
  setIdentifying,
  setOneToOneStrategy,
  updateRelationship,
  updateTableFields,
  setEnd,
  validateSchema,
  type Schema,
} from '../model/index.ts';
import { schemaArb } from '../testing/arbitraries.ts';
import { ends } from '../testing/factories.ts';
import { expectMigrates } from '../testing/migrationCheck.ts';
import { propertyRuns, propertyTimeout } from '../testing/propertyRuns.ts';
import { serverEngine, serverSkip } from '../testing/serverDatabase.ts';
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
  switch (kind % 16) {
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
    case 7:
      return addTable(schema, `new_${detail}`).schema;
    case 8:
      return rel ? setOneToOneStrategy(schema, rel.id, detail % 2 === 0 ? 'sharedPrimaryKey' : 'foreignKeyUnique') : schema;
    case 9:
      return rel ? setIdentifying(schema, rel.id, detail % 2 === 0) : schema;
    case 10:
      return rel
        ? updateRelationship(schema, rel.id, { onDelete: referentialActions[detail % 5]!, isDeferrable: detail % 3 === 0 })
        : schema;
    case 11:
      return table ? updateTableFields(schema, table.id, { comment: detail % 2 === 0 ? '' : `about ${detail}` }) : schema;
    case 12: {
      if (!table) return schema;
      // Now and then also renamed to another table's name (the move keeps the two apart, or fc.pre drops the case).
      const renamed = detail % 4 === 3 ? renameTable(schema, table.id, schema.tables[detail % schema.tables.length]!.name) : schema;
      return updateTableFields(renamed, table.id, { schemaName: detail % 2 === 0 ? 'public' : 'other' });
    }
    case 13:
      return table && column
        ? updateTableFields(schema, table.id, { indexes: [...table.indexes, makeIndex([column.id], { isUnique: detail % 2 === 0 })] })
        : schema;
    case 14:
      return table && column && typeChanges[column.type]
        ? editColumn(schema, table.id, column.id, { type: typeChanges[column.type]! })
        : schema;
    default:
      return table && column && !column.isPrimaryKey && !column.generated
        ? editColumn(schema, table.id, column.id, { defaultValue: column.defaultValue === null ? 'NULL' : null, comment: `c${detail}` })
        : schema;
  }
}

/** Type changes PostgreSQL casts (USING col::type) on any rows: widening and back. */
const typeChanges: Record<string, string> = {
  integer: 'bigint',
  bigint: 'integer',
  text: 'varchar(200)',
  'varchar(200)': 'text',
  smallint: 'integer',
};

const editsArb = fc.array(fc.tuple(fc.nat(15), fc.nat(20), fc.nat(20)), { minLength: 1, maxLength: 5 });

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
});

/**
 * The executed property on each engine. PostgreSQL 15 runs in a database of its own (other test files
 * build tables in public on that server at the same time), with fewer cases by default: its runs are
 * the second engine, not the search (PROPERTY_RUNS_SERVER for more).
 */
const executedOn = [
  { engine: { name: 'PGlite', runner: testRunner }, runs, skip: false as const },
  { engine: serverEngine('erd_migrate_property'), runs: propertyRuns(15, 'PROPERTY_RUNS_SERVER'), skip: serverSkip },
];

describe.each(executedOn)('diffSchemas over random documents and edits, on $engine.name', ({ engine, runs, skip }) => {
  afterAll(async () => {
    if ('close' in engine) await engine.close();
  });
  it.skipIf(Boolean(skip))(
    skip ? `skipped: ${skip}` : 'up reaches the edited schema and down returns',
    async () => {
      const runner = await engine.runner();
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
