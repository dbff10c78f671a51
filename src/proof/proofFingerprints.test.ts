import { describe, expect, it } from 'vitest';
import {
  editColumn,
  makeEnumType,
  renameTable,
  updateRelationship,
  updateTableFields,
  type RelationshipId,
  type Schema,
  type TableId,
} from '../model/index.ts';
import { generateDdl } from '../ddl/index.ts';
import { largeSchema } from '../../scripts/largeSchema.ts';
import { proofFingerprints, proofParents, tablesProvedWith } from './proofFingerprints.ts';

const fingerprints = (schema: Schema) => proofFingerprints(schema, generateDdl(schema).statements);
const schema = largeSchema(40, 50);

/** The relationships whose fingerprints differ between two schemas. */
function changed(before: Schema, after: Schema): string[] {
  const [a, b] = [fingerprints(before).relationships, fingerprints(after).relationships];
  return (Object.keys(b) as RelationshipId[]).filter((id) => a[id] !== b[id]);
}

/** The relationships whose scenarios insert rows into the table: it is one of their ends or a parent those need. */
function provedWith(s: Schema, tableId: TableId): string[] {
  const parents = proofParents(s);
  return s.relationships.filter((r) => tablesProvedWith(r, parents).has(tableId)).map((r) => r.id);
}

describe('proof fingerprints', () => {
  it('are the same for the same DDL, and each relationship has one', () => {
    const a = fingerprints(schema);
    expect(fingerprints(structuredClone(schema))).toEqual(a);
    expect(Object.keys(a.relationships).sort()).toEqual(schema.relationships.map((r) => r.id).sort());
  });

  it("an action changes the relationship's own fingerprint and those of relationships that build its child, no other", () => {
    const r = schema.relationships.find((x) => x.onDelete === 'no action')!;
    const after = updateRelationship(schema, r.id, { onDelete: 'cascade' });
    const child = r.keyHolder === 'from' ? r.from.tableId : r.to.tableId;
    expect(changed(schema, after).sort()).toEqual([...new Set([r.id, ...provedWith(schema, child)])].sort());
  });

  it('a renamed table changes exactly the relationships whose rows go into it', () => {
    const table = schema.tables[3]!;
    const after = renameTable(schema, table.id, 'renamed_table');
    expect(changed(schema, after).sort()).toEqual(provedWith(schema, table.id).sort());
    expect(changed(schema, after).length).toBeLessThan(schema.relationships.length / 2);
  });

  it('a column made NOT NULL in a table no relationship builds changes nothing but that table', () => {
    const lonely = schema.tables.find((t) => provedWith(schema, t.id).length === 0);
    const target = lonely ?? schema.tables[0]!;
    const column = target.columns.find((c) => c.name === 'created_at')!;
    const after = editColumn(schema, target.id, column.id, { isNotNull: true });
    expect(changed(schema, after).sort()).toEqual(provedWith(schema, target.id).sort());
    expect(fingerprints(after).tables[target.id]).not.toBe(fingerprints(schema).tables[target.id]);
  });

  it("a relationship's verb and a table moved to the schema it is in change nothing; a new type changes everything", () => {
    expect(changed(schema, updateRelationship(schema, schema.relationships[0]!.id, { name: 'owns' }))).toEqual([]);
    expect(changed(schema, updateTableFields(schema, schema.tables[0]!.id, { schemaName: 'public' }))).toEqual([]);
    expect(changed(schema, { ...schema, enums: [...schema.enums, makeEnumType(schema.enums)] }).length).toBe(schema.relationships.length);
  });
});
