import { describe, expect, it } from 'vitest';
import { describeRelationship, editColumn, renameTable, validateSchema } from './index.ts';
import { aCheck, aKeptObject, anEnum, anIndex, aSchema, ends, tableOf } from '../testing/factories.ts';

describe('validateSchema', () => {
  it('accepts a connected schema', () => {
    expect(validateSchema(aSchema().schema)).toEqual([]);
  });

  it('names duplicate tables, empty names and over-long names', () => {
    const { schema, parentId, childId } = aSchema();
    const dup = renameTable(schema, childId, 'authors');
    expect(validateSchema(dup).map((p) => p.message)).toContain('Two tables are named "authors"; rename one');
    const col = tableOf(schema, parentId).columns[1]!;
    const empty = editColumn(schema, parentId, col.id, { name: '' });
    expect(validateSchema(empty)[0]).toMatchObject({ severity: 'error', tableId: parentId, columnId: col.id });
    const long = renameTable(schema, parentId, 'é'.repeat(32));
    expect(validateSchema(long)[0]!.message).toMatch(/longer than PostgreSQL's 63 bytes/);
  });

  it('rejects a foreign key whose parent has no primary key', () => {
    const { schema, parentId, relationshipId } = aSchema();
    const pk = tableOf(schema, parentId).columns[0]!;
    const keyless = {
      ...schema,
      tables: schema.tables.map((t) =>
        t.id === parentId ? { ...t, columns: t.columns.map((c) => (c.id === pk.id ? { ...c, isPrimaryKey: false } : c)) } : t,
      ),
    };
    const problems = validateSchema(keyless);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', relationshipId }));
  });
});

describe('describeRelationship', () => {
  it('reads both ends in plain words', () => {
    const { schema, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrOne, { parent: 'authors', child: 'passport_info' });
    const rel = schema.relationships.find((r) => r.id === relationshipId)!;
    expect(describeRelationship(schema, rel)).toBe(
      'each author has zero or one passport_info; each passport_info belongs to exactly one author',
    );
  });
});

describe('key types', () => {
  it('refuses a key shared with two parents whose keys have different types', async () => {
    const { connect, setOneToOneStrategy, editColumn: edit } = await import('./index.ts');
    const base = aSchema(ends.exactlyOne, ends.zeroOrOne, { parent: 'countries', child: 'capitals' });
    let schema = setOneToOneStrategy(base.schema, base.relationshipId, 'sharedPrimaryKey');
    const { withTable } = await import('../testing/factories.ts');
    const cities = withTable(schema, 'cities');
    schema = edit(cities.schema, cities.tableId, tableOf(cities.schema, cities.tableId).columns[0]!.id, { type: 'uuid' });
    const second = connect(schema, cities.tableId, base.childId, { from: ends.exactlyOne, to: ends.zeroOrOne });
    schema = setOneToOneStrategy(second.schema, second.relationshipId, 'sharedPrimaryKey');
    expect(validateSchema(schema).map((p) => p.message)).toContainEqual(
      expect.stringMatching(/"capitals"."id" is (uuid|integer) but refers to .* give both the same type/),
    );
  });
});

describe('names PostgreSQL keeps in one namespace', () => {
  it('refuses a junction, an index or an enum named like a table, and two CHECKs with one name', async () => {
    const { updateRelationship, updateTableFields } = await import('./index.ts');
    const base = aSchema(ends.zeroOrMany, ends.zeroOrMany, { parent: 'students', child: 'courses' });
    const junction = updateRelationship(base.schema, base.relationshipId, { junction: { name: 'students', columns: [] } });
    expect(validateSchema(junction).map((p) => p.message)).toContain(
      'The junction table "students" has the same name as the table; rename one',
    );
    const indexed = updateTableFields(base.schema, base.parentId, {
      indexes: [anIndex([tableOf(base.schema, base.parentId).columns[0]!.id], { name: 'courses' })],
    });
    expect(validateSchema(indexed).map((p) => p.message)).toContain('The index "courses" has the same name as the table; rename one');
    const enumed = { ...base.schema, enums: [anEnum({ name: 'courses' })] };
    expect(validateSchema(enumed).map((p) => p.message)).toContain('The enum type "courses" has the same name as the table; rename one');
    const checks = updateTableFields(base.schema, base.parentId, { checks: [aCheck({ name: 'c' }), aCheck({ name: 'c' })] });
    expect(validateSchema(checks).map((p) => p.message)).toContain('Table "students" has two CHECKs named "c"; rename one');
  });

  it('refuses SET NULL on a key the user marked NOT NULL, and on a junction', async () => {
    const { updateRelationship } = await import('./index.ts');
    const optional = aSchema(ends.zeroOrOne, ends.zeroOrMany);
    const marked = editColumn(optional.schema, optional.childId, tableOf(optional.schema, optional.childId).columns[2]!.id, {
      isNotNull: true,
    });
    const setNull = updateRelationship(marked, optional.relationshipId, { onDelete: 'set null' });
    expect(validateSchema(setNull).map((p) => p.message)).toContain(
      'ON DELETE SET NULL cannot work: author_id is marked NOT NULL. Choose another action',
    );
    const manyToMany = aSchema(ends.zeroOrMany, ends.zeroOrMany);
    const junctionSetNull = updateRelationship(manyToMany.schema, manyToMany.relationshipId, { onDelete: 'set null' });
    expect(validateSchema(junctionSetNull).map((p) => p.message)).toContainEqual(
      expect.stringMatching(/^ON DELETE SET NULL cannot work on a many-to-many/),
    );
  });

  it('refuses enum labels with line breaks', () => {
    const schema = { ...aSchema().schema, enums: [anEnum({ values: ['a\nb'] })] };
    expect(validateSchema(schema).map((p) => p.message)).toContainEqual(expect.stringMatching(/control character \(a line break or tab\)/));
  });
});

describe('hidden characters and kept SQL', () => {
  it('refuses a name with a text-direction override, which shows "live" for "\\u202Eevil"', () => {
    const { schema, parentId } = aSchema();
    const problems = validateSchema(renameTable(schema, parentId, '\u202Eevil'));
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', tableId: parentId, message: expect.stringMatching(/U\+202E/) }),
    );
  });
  it('refuses a kept domain that commits and drops a table', () => {
    const schema = {
      ...aSchema().schema,
      sqlObjects: [
        aKeptObject({
          kind: 'domain',
          name: 'd',
          sql: 'CREATE DOMAIN d AS int; COMMIT; DROP TABLE IF EXISTS public.victim; COMMIT; BEGIN',
        }),
      ],
    };
    expect(validateSchema(schema)).toContainEqual(
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/kept domain "d" must be one CREATE DOMAIN statement/) }),
    );
  });
});
