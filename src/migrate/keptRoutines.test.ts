import { afterAll, describe, expect, it } from 'vitest';
import { updateColumn, updateTableFields, type Schema, type SqlObject } from '../model/index.ts';
import { aKeptObject, aTable, tableOf, withTable } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { expectMigrates, kindsOf } from '../testing/migrationCheck.ts';
import { diffSchemas, toMigrationSql } from './index.ts';
import { signatureOf } from './keptRoutineSteps.ts';

const fn = (name: string, sql: string): SqlObject => aKeptObject({ id: `sql_${name}`, kind: 'function', name, sql });
const isShort = fn(
  'is_short(text)',
  'CREATE FUNCTION is_short(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length(t) < 100 $$;',
);
const firstStatus = fn('first_status()', "CREATE FUNCTION first_status() RETURNS text LANGUAGE sql AS $$ SELECT 'new' $$;");
const touch = fn(
  'touch()',
  "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := coalesce(NEW.note, 'x'); RETURN NEW; END $$;",
);
const touched = aKeptObject({
  id: 'sql_touched',
  kind: 'trigger',
  name: 'touched on customers',
  sql: 'CREATE TRIGGER touched BEFORE INSERT OR UPDATE OF note ON customers FOR EACH ROW EXECUTE FUNCTION touch();',
});
const shortNotes = aKeptObject({
  id: 'sql_view',
  name: 'short_notes',
  sql: 'CREATE VIEW short_notes AS SELECT id FROM customers WHERE is_short(note);',
});

const made = aTable('customers', { name: 'note', type: 'varchar(20)' }, { name: 'status', type: 'text', defaultValue: 'first_status()' });
const checked = updateTableFields(made.schema, made.tableId, {
  checks: [{ id: 'chk_short', name: 'note_short', expression: 'is_short(note)' }],
});
const base: Schema = { ...checked, sqlObjects: [isShort, firstStatus, touch, shortNotes, touched] };
const note = tableOf(base, made.tableId).columns.find((c) => c.name === 'note')!.id;
const rows = `INSERT INTO customers (id, note) VALUES (1, 'kept');`;
const replacing = (o: SqlObject, sql: string): Schema => ({
  ...base,
  sqlObjects: base.sqlObjects!.map((k) => (k.id === o.id ? { ...k, sql } : k)),
});

const bodyChanged = replacing(isShort, isShort.sql.replace('< 100', '< 200'));
const parameterRenamed = replacing(isShort, isShort.sql.replace('(t text)', '(s text)').replace('length(t)', 'length(s)'));
const resultChanged = replacing(firstStatus, firstStatus.sql.replace('RETURNS text', 'RETURNS varchar'));
const withoutRoutines: Schema = {
  ...made.schema,
  tables: made.schema.tables.map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c, defaultValue: null })) })),
  sqlObjects: [],
};
const isBlank = fn('is_blank(text)', "CREATE FUNCTION is_blank(t text) RETURNS boolean LANGUAGE sql AS $$ SELECT btrim(t) = '' $$;");
const newTableCalling = (() => {
  const added = withTable(base, 'notes', { name: 'body', type: 'text' });
  const t = updateTableFields(added.schema, added.tableId, {
    checks: [{ id: 'chk_blank', name: 'body_not_blank', expression: 'NOT is_blank(body)' }],
  });
  return { ...t, sqlObjects: [isBlank, ...base.sqlObjects!] };
})();
const latestNotes = fn('latest_notes()', 'CREATE FUNCTION latest_notes() RETURNS SETOF notes LANGUAGE sql AS $$ SELECT * FROM notes $$;');
const newTableReturned: Schema = (() => {
  const added = withTable(base, 'notes', { name: 'body', type: 'text' }).schema;
  return { ...added, sqlObjects: [...base.sqlObjects!, latestNotes] };
})();
const triggerChanged = replacing(touched, touched.sql.replace('BEFORE INSERT OR UPDATE OF note', 'BEFORE INSERT'));
const noteRetyped = updateColumn(base, made.tableId, note, { type: 'text' });

describe('diffSchemas: kept functions and triggers', () => {
  it('replaces a function in place when only its body changed', () => {
    const { up } = diffSchemas(base, bodyChanged);
    expect(kindsOf(up)).toEqual(['setting', 'replaceRoutine']);
    expect(up[1]!.sql).toBe(bodyChanged.sqlObjects![0]!.sql.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    expect(up[1]!.comment).toBe('is_short(text) changed: replaced in place');
  });

  it('drops and makes again a function whose parameters changed, around the CHECK and the view calling it', () => {
    const { up } = diffSchemas(base, parameterRenamed);
    expect(kindsOf(up)).toEqual(['dropView', 'dropConstraint', 'dropRoutine', 'setting', 'createRoutine', 'addCheck', 'createView']);
    expect(up.map((s) => s.sql).slice(0, 3)).toEqual([
      'DROP VIEW short_notes;',
      'ALTER TABLE customers DROP CONSTRAINT note_short;',
      'DROP FUNCTION is_short(text);',
    ]);
    expect(up[5]!.sql).toBe('ALTER TABLE customers ADD CONSTRAINT note_short CHECK (is_short(note));');
  });

  it('drops and makes again a function whose result changed, around the default calling it', () => {
    const { up } = diffSchemas(base, resultChanged);
    expect(up.map((s) => s.sql)).toEqual([
      'ALTER TABLE customers ALTER COLUMN status DROP DEFAULT;',
      'DROP FUNCTION first_status();',
      'SET check_function_bodies = false;',
      resultChanged.sqlObjects![1]!.sql,
      'ALTER TABLE customers ALTER COLUMN status SET DEFAULT first_status();',
    ]);
  });

  it('makes a new function before the new table whose CHECK calls it, and drops it after the table on the way down', () => {
    const { up, down } = diffSchemas(base, newTableCalling);
    expect(kindsOf(up)).toEqual(['setting', 'createRoutine', 'createTable']);
    expect(kindsOf(down)).toEqual(['dropTable', 'dropRoutine']);
  });

  it('makes a function returning the rows of a new table after the table, and drops it before the table on the way down', () => {
    const { up, down } = diffSchemas(base, newTableReturned);
    expect(kindsOf(up)).toEqual(['createTable', 'setting', 'createRoutine']);
    expect(down.map((s) => s.sql)).toEqual(['DROP FUNCTION latest_notes();', 'DROP TABLE notes;']);
  });

  it('drops the functions, the trigger and the view once nothing calls them', () => {
    const { up } = diffSchemas(base, withoutRoutines);
    expect(toMigrationSql(up).indexOf('DROP FUNCTION is_short(text);')).toBeGreaterThan(
      toMigrationSql(up).indexOf('DROP CONSTRAINT note_short'),
    );
    expect(up.map((s) => s.sql).slice(0, 2)).toEqual(['DROP TRIGGER touched ON customers;', 'DROP VIEW short_notes;']);
  });

  it('remakes a trigger whose text changed, and one naming a column that changes type', () => {
    expect(diffSchemas(base, triggerChanged).up.map((s) => s.sql)).toEqual([
      'DROP TRIGGER touched ON customers;',
      triggerChanged.sqlObjects![4]!.sql,
    ]);
    expect(kindsOf(diffSchemas(base, noteRetyped).up)).toEqual(['dropTrigger', 'dropView', 'alterColumn', 'createView', 'createTrigger']);
  });

  it('reads a signature as its parameters and result, whatever the spacing', () => {
    expect(
      signatureOf("CREATE OR REPLACE FUNCTION public.f(a integer, b text DEFAULT 'x')\n RETURNS SETOF text\n LANGUAGE sql\nAS $$ $$;"),
    ).toBe("function|(a integer,b text default 'x')|setof text");
    expect(signatureOf('CREATE FUNCTION f( a  integer ) RETURNS setof TEXT LANGUAGE sql AS $$ $$;')).toBe(
      'function|(a integer)|setof text',
    );
  });
});

describe.each(engines)('kept functions and triggers migrate on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    const migrates = async (to: Schema, from: Schema = base) => expectMigrates(await engine.runner(), from, to, rows);

    it('a function body changes (replaced in place)', () => migrates(bodyChanged));
    it('a function renames a parameter (dropped and made again around its CHECK and view)', () => migrates(parameterRenamed));
    it('a function changes its result (dropped and made again around its default)', () => migrates(resultChanged));
    it('a new function and a new table whose CHECK calls it', () => migrates(newTableCalling));
    it('every function, trigger and view goes with what calls them', () => migrates(withoutRoutines));
    it('a new function returns the rows of a new table', () => migrates(newTableReturned));
    it('a trigger changes', () => migrates(triggerChanged));
    it('a column a trigger names changes type', () => migrates(noteRetyped));
  });
});
