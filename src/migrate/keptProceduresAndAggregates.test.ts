import { afterAll, describe, expect, it } from 'vitest';
import type { Schema, SqlObject } from '../model/index.ts';
import { aKeptObject, aTable } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { expectMigrates, kindsOf } from '../testing/migrationCheck.ts';
import { diffSchemas } from './index.ts';

const kept = (kind: SqlObject['kind'], name: string, sql: string): SqlObject => aKeptObject({ id: `sql_${name}`, kind, name, sql });
const addLength = kept(
  'function',
  'add_length(integer,text)',
  'CREATE FUNCTION add_length(total integer, t text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT total + length(t) $$;',
);
const totalLength = kept(
  'aggregate',
  'total_length(text)',
  'CREATE AGGREGATE total_length(text) (SFUNC = add_length, STYPE = integer, INITCOND = 0);',
);
const lengths = kept('view', 'lengths', 'CREATE VIEW lengths AS SELECT total_length(note) AS total FROM customers;');
const clearNotes = kept(
  'function',
  'clear_notes()',
  'CREATE PROCEDURE clear_notes() LANGUAGE sql AS $$ UPDATE customers SET note = NULL $$;',
);
const base: Schema = {
  ...aTable('customers', { name: 'note', type: 'text' }).schema,
  sqlObjects: [addLength, totalLength, lengths, clearNotes],
};
const replacing = (o: SqlObject, sql: string): Schema => ({
  ...base,
  sqlObjects: base.sqlObjects!.map((k) => (k.id === o.id ? { ...k, sql } : k)),
});

const aggregateChanged = replacing(totalLength, totalLength.sql.replace('INITCOND = 0', 'INITCOND = 1'));
const procedureBodyChanged = replacing(clearNotes, clearNotes.sql.replace('SET note = NULL', "SET note = ''"));
const procedureParameterAdded = {
  ...replacing(clearNotes, clearNotes.sql.replace('clear_notes()', 'clear_notes(blank text)').replace('NULL', 'blank')),
};
procedureParameterAdded.sqlObjects = procedureParameterAdded.sqlObjects!.map((o) =>
  o.id === clearNotes.id ? { ...o, name: 'clear_notes(text)' } : o,
);
const withoutAggregate: Schema = { ...base, sqlObjects: [addLength, clearNotes] };

describe('diffSchemas: kept procedures and aggregates', () => {
  it('drops and makes again a changed aggregate, around the view calling it', () => {
    const { up } = diffSchemas(base, aggregateChanged);
    expect(up.map((s) => s.sql)).toEqual([
      'DROP VIEW lengths;',
      'DROP AGGREGATE total_length(text);',
      'SET check_function_bodies = false;',
      aggregateChanged.sqlObjects![1]!.sql,
      lengths.sql,
    ]);
  });

  it('replaces a procedure in place when its body changed, and drops the old one when its parameters changed', () => {
    expect(diffSchemas(base, procedureBodyChanged).up.map((s) => s.sql)).toEqual([
      'SET check_function_bodies = false;',
      "CREATE OR REPLACE PROCEDURE clear_notes() LANGUAGE sql AS $$ UPDATE customers SET note = '' $$;",
    ]);
    expect(kindsOf(diffSchemas(base, procedureParameterAdded).up)).toEqual(['dropRoutine', 'setting', 'createRoutine']);
    expect(diffSchemas(base, procedureParameterAdded).up[0]!.sql).toBe('DROP PROCEDURE clear_notes();');
  });

  it('drops an aggregate after the view calling it and before nothing else needs it', () => {
    expect(diffSchemas(base, withoutAggregate).up.map((s) => s.sql)).toEqual(['DROP VIEW lengths;', 'DROP AGGREGATE total_length(text);']);
  });
});

describe.each(engines)('kept procedures and aggregates migrate on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    const migrates = async (to: Schema) =>
      expectMigrates(await engine.runner(), base, to, `INSERT INTO customers (id, note) VALUES (1, 'kept');`);

    it('an aggregate a view calls changes', () => migrates(aggregateChanged));
    it('a procedure body changes', () => migrates(procedureBodyChanged));
    it('a procedure gains a parameter', () => migrates(procedureParameterAdded));
    it('an aggregate and the view calling it go, and come back down', () => migrates(withoutAggregate));
  });
});
