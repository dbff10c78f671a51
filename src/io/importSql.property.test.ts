import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDdl, toSqlText } from '../ddl/index.ts';
import { resolveAll, type ResolvedForeignKey, type Schema } from '../model/index.ts';
import { schemaMeaning } from '../testing/schemaMeaning.ts';
import { schemaArb } from '../testing/arbitraries.ts';
import { propertyRuns, propertyTimeout } from '../testing/propertyRuns.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { importSql } from './importSql.ts';

/** The arbitraries' type spellings as PostgreSQL's format_type gives them back. */
const canonical: Record<string, string> = { 'int[]': 'integer[]', 'numeric(8, 2)': 'numeric(8,2)' };

function withCanonicalTypes(schema: Schema): Schema {
  return {
    ...schema,
    tables: schema.tables.map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c, type: canonical[c.type] ?? c.type })) })),
  };
}

/**
 * Two deferrable, mandatory-parent 1:1 keys between the same tables in opposite directions: the
 * importer reads that SQL as one relationship with both ends mandatory (see mutualKeys.ts), so such
 * a document does not come back as drawn, by design.
 */
function hasMutualKeys(schema: Schema): boolean {
  const keys = resolveAll(schema)
    .filter((r): r is ResolvedForeignKey => r.kind === 'oneToOne')
    .filter((r) => !r.isSharedPrimaryKey && r.relationship.isDeferrable && r.parentEnd.min === 1);
  return keys.some((a) => keys.some((b) => a !== b && a.child === b.parent && a.parent === b.child && a.child !== a.parent));
}

/** IMPORT_PROPERTY_RUNS for a long run (each case imports a whole script); the limit grows with it. */
const runs = propertyRuns(20, 'IMPORT_PROPERTY_RUNS');

describe('importSql over random documents', () => {
  it(
    'document -> DDL -> import gives back the same tables, columns, ends and strategies, and the same DDL',
    async () => {
      const runner = await testRunner();
      await fc.assert(
        fc.asyncProperty(schemaArb, async (drawn) => {
          const schema = withCanonicalTypes(drawn);
          fc.pre(!hasMutualKeys(schema));
          const ddl = toSqlText(generateDdl(schema).statements);
          const result = await importSql(ddl, runner);
          if (!result.ok) throw new Error(`line ${result.error.line}: ${result.error.message}\n${ddl}`);
          expect(schemaMeaning(result.schema), ddl).toEqual(schemaMeaning(schema));
          const kept = (s: Schema) => (s.sqlObjects ?? []).map(({ kind, name, sql }) => ({ kind, name, sql }));
          expect(kept(result.schema), ddl).toEqual(kept(schema));
          expect(toSqlText(generateDdl(result.schema).statements)).toBe(ddl);
        }),
        { numRuns: runs },
      );
    },
    propertyTimeout(runs, 6000, 120_000),
  );
});
