import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Schema } from '../model/index.ts';
import { schemaArb } from '../testing/arbitraries.ts';
import { propertyRuns, propertyTimeout } from '../testing/propertyRuns.ts';
import { schemaMeaning } from '../testing/schemaMeaning.ts';
import { dbmlWritings, toDbml } from './dbmlExport.ts';
import { importDbml } from './dbmlImport.ts';

/** What DBML cannot write: an end's minimum (it reads one from the key's NOT NULL) and DEFERRABLE. */
const dbmlUnkept = { endMinimums: true, deferrable: true } as const;

/**
 * A many-to-many DBML cannot write as `<>` comes back as its junction table, and a key referring to
 * itself is left out (dbmlExport.test.ts shows both), so the property leaves them out.
 */
function withoutJunctionTables(schema: Schema): Schema {
  const writings = dbmlWritings(schema);
  return { ...schema, relationships: schema.relationships.filter((r) => (writings.get(r.id) ?? 'ref') === 'ref') };
}

/** PROPERTY_RUNS for a long run; the limit grows with it (25 ms a document on a busy machine: 100 allowed). */
const runs = propertyRuns(60);

describe('DBML round trip', () => {
  it(
    'keeps tables, columns and relationship kinds',
    () => {
      fc.assert(
        fc.property(schemaArb.map(withoutJunctionTables), (schema) => {
          const text = toDbml(schema);
          const imported = importDbml(text);
          if (!imported.ok) throw new Error(`${imported.error}\n${text}`);
          expect(schemaMeaning(imported.document.schema, dbmlUnkept)).toEqual(schemaMeaning(schema, dbmlUnkept));
          expect(toDbml(imported.document.schema)).toBe(text);
        }),
        { numRuns: runs },
      );
    },
    propertyTimeout(runs, 100),
  );
});
