import { afterAll, describe, expect, it } from 'vitest';
import type { EnumType, Schema } from '../model/index.ts';
import { anEnum, aTable } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { expectMigrates, kindsOf } from '../testing/migrationCheck.ts';
import { diffSchemas, toMigrationSql } from './index.ts';

const mood = anEnum({ values: ['sad', 'ok', 'glad'] });
const table = aTable('people', { name: 'feeling', type: 'mood', defaultValue: "'ok'" }, { name: 'history', type: 'mood[]' });
const base: Schema = { ...table.schema, enums: [mood] };
const withMood = (fields: Partial<EnumType>): Schema => ({ ...base, enums: [{ ...mood, ...fields }] });
/** The enum renamed (and moved), with the columns that use it retyped as the editor does. */
function renamed(name: string, schemaName: string, values: string[]): Schema {
  const next = withMood({ name, schemaName, values });
  const ref = schemaName === 'public' ? name : `${schemaName}.${name}`;
  const retyped = (type: string) => (type === 'mood' ? ref : type === 'mood[]' ? `${ref}[]` : type);
  return { ...next, tables: next.tables.map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c, type: retyped(c.type) })) })) };
}
const rows = `INSERT INTO people (id, feeling, history) VALUES (1, 'sad', '{sad,ok}'), (2, 'glad', '{}');`;

describe('diffSchemas: enums', () => {
  it('adds labels in place, where they go', () => {
    const { up } = diffSchemas(base, withMood({ values: ['awful', 'sad', 'ok', 'fine', 'glad'] }));
    expect(up.map((s) => s.sql)).toEqual([
      "ALTER TYPE mood ADD VALUE 'awful' BEFORE 'sad';",
      "ALTER TYPE mood ADD VALUE 'fine' AFTER 'ok';",
    ]);
  });

  it('renames a label and the type without touching the columns', () => {
    const { up } = diffSchemas(base, renamed('feeling', 'public', ['blue', 'ok', 'glad']));
    expect(up.map((s) => s.sql)).toEqual(['ALTER TYPE mood RENAME TO feeling;', "ALTER TYPE feeling RENAME VALUE 'sad' TO 'blue';"]);
  });

  it('removing a label makes a new type and says which rows it rejects', () => {
    const { up } = diffSchemas(base, withMood({ values: ['sad', 'ok'] }));
    expect(kindsOf(up).every((k) => k === 'replaceType')).toBe(true);
    expect(toMigrationSql(up)).toContain("-- MAY REJECT ROWS: fails while a row of people holds 'glad' in feeling");
  });
});

describe.each(engines)('enums migrate on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    const migrates = async (to: Schema, from: Schema = base, data = rows) => expectMigrates(await engine.runner(), from, to, data);

    it('adds labels (down remakes the type without them)', async () => {
      await migrates(withMood({ values: ['awful', 'sad', 'ok', 'fine', 'glad'] }), base, '');
    });

    it('renames the type and a label, and moves the type to another schema', async () => {
      const to = renamed('feeling', 'moods', ['blue', 'ok', 'glad']);
      const { up } = await migrates(to, base, `INSERT INTO people (id, feeling) VALUES (1, 'ok');`);
      expect(kindsOf(up)).toEqual(['createSchema', 'renameType', 'moveType', 'renameEnumValue']);
    });

    it('reorders and removes labels, casting the columns through text', async () => {
      await migrates(withMood({ values: ['glad', 'sad', 'ok', 'meh'] }));
      await expect(migrates(withMood({ values: ['sad', 'ok'] }))).rejects.toThrow();
      await migrates(withMood({ values: ['sad', 'ok'] }), base, `INSERT INTO people (id, feeling) VALUES (1, 'ok');`);
    });

    it('creates and drops a type with the column that uses it', async () => {
      const plain = aTable('people').schema;
      await migrates(
        base,
        {
          ...plain,
          tables: plain.tables.map((t) => ({
            ...t,
            id: table.tableId,
            columns: [{ ...t.columns[0]!, id: base.tables[0]!.columns[0]!.id }],
          })),
        },
        '',
      );
    });
  });
});
