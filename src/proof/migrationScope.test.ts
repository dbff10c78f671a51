import { describe, expect, it } from 'vitest';
import { addColumn, connect, editColumn, emptySchema, renameTable, type Schema, type TableId } from '../model/index.ts';
import { generateDdl } from '../ddl/index.ts';
import { diffSchemas, toMigrationSql } from '../migrate/index.ts';
import { aKeptObject, anEnum, ends, tableOf, withTable } from '../testing/factories.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { proveMigration } from './migrationProof.ts';
import { migrationScope, schemaInScope, statementsInScope } from './migrationScope.ts';

/** Eight stars of ten tables: each star's nine children reference its centre, and nothing joins two stars. */
function stars(): { schema: Schema; ids: TableId[] } {
  let schema = emptySchema;
  const ids: TableId[] = [];
  for (let i = 0; i < 80; i++) {
    const added = withTable(schema, `t${i}`, { name: 'label', type: 'text' });
    schema = added.schema;
    ids.push(added.tableId);
    if (i % 10 !== 0) schema = connect(schema, ids[i - (i % 10)]!, added.tableId, { from: ends.exactlyOne, to: ends.zeroOrMany }).schema;
  }
  return { schema, ids };
}

const scopeOf = (from: Schema, to: Schema) => migrationScope(from, to, generateDdl(from).statements, generateDdl(to).statements);
const { schema, ids } = stars();

describe('migrationScope', () => {
  it('builds a renamed centre, the children whose foreign keys name it, and nothing of the other stars', () => {
    const scope = scopeOf(schema, renameTable(schema, ids[0]!, 'hub'));
    expect(scope.tableIds).toEqual(new Set(ids.slice(0, 10)));
    expect(scope.leftOut).toEqual({ tables: 70, relationships: 63 });
    expect(scope.changedRelationshipIds).toEqual(new Set(schema.relationships.slice(0, 9).map((r) => r.id)));
  });

  it('builds a changed child with the parent it references, and proves only the relationships at changed tables', () => {
    const to = addColumn(schema, ids[15]!, { name: 'extra', type: 'text' }).schema;
    const scope = scopeOf(schema, to);
    expect(scope.tableIds).toEqual(new Set([ids[15], ids[10]]));
    expect(scope.changedRelationshipIds).toEqual(new Set([schema.relationships[9 + 4]!.id]));
    const kept = statementsInScope(generateDdl(to).statements, to, scope);
    expect(kept.filter((s) => s.kind === 'createTable').map((s) => s.tableId)).toEqual([ids[10], ids[15]]);
    expect(schemaInScope(to, scope).relationships).toHaveLength(1);
  });

  it('builds the whole schema when it is small, when a type changes, or when kept views may read any table', () => {
    const small = withTable(emptySchema, 'solo').schema;
    expect(scopeOf(small, addColumn(small, small.tables[0]!.id, { name: 'x', type: 'text' }).schema).whyAll).toMatch(/small/);
    const withEnum = { ...schema, enums: [anEnum({ name: 'mood', values: ['sad'] })] };
    expect(scopeOf(withEnum, { ...withEnum, enums: [anEnum({ ...withEnum.enums[0], values: ['sad', 'happy'] })] }).whyAll).toMatch(/types/);
    const view = aKeptObject({ kind: 'view', name: 'v', sql: 'CREATE VIEW v AS SELECT 1 AS one;' });
    const withView = { ...schema, sqlObjects: [view] };
    expect(scopeOf(withView, renameTable(withView, ids[0]!, 'hub')).tableIds).toBe('all');
  });
});

describe('a migration proved on part of a schema', () => {
  it('passes for the diff, and says what it left out', async () => {
    const to = renameTable(addColumn(schema, ids[25]!, { name: 'extra', type: 'integer' }).schema, ids[0]!, 'hub');
    const migration = diffSchemas(schema, to);
    const report = await proveMigration(await testRunner(), schema, to, {
      up: toMigrationSql(migration.up),
      down: toMigrationSql(migration.down),
    });
    expect(report.checks.map((c) => [c.kind, c.verdict, c.differences])).toEqual([
      ['catalog', 'passed', []],
      ['rows', 'passed', []],
      ['relationships', 'passed', []],
      ['down', 'passed', []],
    ]);
    expect(report.checks[0]!.notes).toEqual([
      expect.stringMatching(/^built the 12 tables whose DDL the migration changes .* other 68 tables/),
    ]);
    expect(report.relationshipResults.length).toBeGreaterThan(0);
  });

  it('fails when a step touches a table it left out, instead of passing unseen', async () => {
    const to = addColumn(schema, ids[25]!, { name: 'extra', type: 'integer' }).schema;
    const up = `${toMigrationSql(diffSchemas(schema, to).up)}\nALTER TABLE t77 ADD COLUMN stray integer;\n`;
    const report = await proveMigration(await testRunner(), schema, to, { up, down: toMigrationSql(diffSchemas(to, schema).up) });
    expect(report.checks[0]).toMatchObject({ kind: 'catalog', verdict: 'failed' });
    expect(report.checks[0]!.differences[0]).toMatch(/the up migration was refused: .*t77.*42P01/);
  });

  it('builds the children of a changed table: a key dropped with CASCADE (their foreign keys gone) fails', async () => {
    const to = addColumn(schema, ids[10]!, { name: 'extra', type: 'integer' }).schema;
    const scope = scopeOf(schema, to);
    expect(scope.tableIds).toEqual(new Set(ids.slice(10, 20)));
    const { up, down } = diffSchemas(schema, to);
    const cascade = `ALTER TABLE t10 DROP CONSTRAINT t10_pkey CASCADE;\nALTER TABLE t10 ADD CONSTRAINT t10_pkey PRIMARY KEY (id);\n${toMigrationSql(up)}`;
    const wrong = await proveMigration(await testRunner(), schema, to, { up: cascade, down: toMigrationSql(down) });
    expect(wrong.checks[0]).toMatchObject({ kind: 'catalog', verdict: 'failed' });
    expect(wrong.checks[0]!.differences.join('\n')).toMatch(/t11_t10_id_fkey/);
    const right = await proveMigration(await testRunner(), schema, to, { up: toMigrationSql(up), down: toMigrationSql(down) });
    expect(right.checks.map((c) => c.verdict)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(right.checks[2]!.notes).toEqual([expect.stringMatching(/^proved the 9 relationships .* the other 63 /)]);
  });

  it('passes the diff of a centre whose key is retyped, its children retyped with it', async () => {
    const id = tableOf(schema, ids[10]!).columns.find((c) => c.isPrimaryKey)!;
    const to = editColumn(schema, ids[10]!, id.id, { type: 'bigint' });
    const { up, down } = diffSchemas(schema, to);
    const report = await proveMigration(await testRunner(), schema, to, { up: toMigrationSql(up), down: toMigrationSql(down) });
    expect(report.checks.map((c) => [c.kind, c.verdict, c.differences])).toEqual([
      ['catalog', 'passed', []],
      ['rows', 'passed', []],
      ['relationships', 'passed', []],
      ['down', 'passed', []],
    ]);
  });

  it('builds each schema whole when the shared part would take a name PostgreSQL picks in the whole script (a serial sequence)', async () => {
    // In the whole script table t11_n_seq comes first, so t11's serial gets t11_n_seq1; built first as shared, t11 would take t11_n_seq.
    const named = addColumn(renameTable(schema, ids[10]!, 't11_n_seq'), ids[11]!, { name: 'n', type: 'serial' }).schema;
    const to = addColumn(named, ids[10]!, { name: 'extra', type: 'integer' }).schema;
    const { up, down } = diffSchemas(named, to);
    const report = await proveMigration(await testRunner(), named, to, { up: toMigrationSql(up), down: toMigrationSql(down) });
    expect(report.scope.tableIds).not.toBe('all');
    expect(report.checks.map((c) => [c.kind, c.verdict, c.differences])).toEqual([
      ['catalog', 'passed', []],
      ['rows', 'passed', []],
      ['relationships', 'passed', []],
      ['down', 'passed', []],
    ]);
  });

  it('fails when the migration misses a change of a table it built', async () => {
    const to = addColumn(schema, ids[25]!, { name: 'extra', type: 'integer' }).schema;
    const report = await proveMigration(await testRunner(), schema, to, { up: '', down: '' });
    expect(report.checks[0]).toMatchObject({ kind: 'catalog', verdict: 'failed' });
    expect(report.checks[0]!.differences.join('\n')).toMatch(/extra/);
    expect(report.checks[1]).toMatchObject({
      kind: 'rows',
      verdict: 'failed',
      differences: ['the rows could not be read under the new schema\'s names: 42703: column "extra" does not exist'],
    });
  });
});
