import { afterAll, describe, expect, it } from 'vitest';
import { updateColumn, type Schema, type SqlObject } from '../model/index.ts';
import { aKeptObject, aTable, tableOf, withTable } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { expectMigrates, kindsOf } from '../testing/migrationCheck.ts';
import { diffSchemas } from './index.ts';

const kept = (name: string, sql: string): SqlObject => aKeptObject({ id: `sql_${name}`, kind: 'constraint', name, sql });
const rooms = aTable('rooms');
const bookings = withTable(rooms.schema, 'bookings', { name: 'room', type: 'integer' }, { name: 'during', type: 'tsrange' });
const noOverlap = kept('no_overlap', 'ALTER TABLE bookings\n  ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);');
const toRoom = kept('bookings_room_fk', 'ALTER TABLE bookings\n  ADD CONSTRAINT bookings_room_fk FOREIGN KEY (room) REFERENCES rooms(id);');
const plain = bookings.schema;
const base: Schema = { ...plain, sqlObjects: [noOverlap, toRoom] };
const during = tableOf(base, bookings.tableId).columns.find((c) => c.name === 'during')!.id;
const changed: Schema = {
  ...base,
  sqlObjects: [{ ...noOverlap, sql: noOverlap.sql.replace(/;$/, ' WHERE (room IS NOT NULL);') }, toRoom],
};
const retyped = updateColumn({ ...base, sqlObjects: [noOverlap] }, bookings.tableId, during, { type: 'tstzrange' });
const rows = `INSERT INTO rooms (id) VALUES (1); INSERT INTO bookings (id, room, during) VALUES (1, 1, '[2026-12-03 10:00, 2026-12-03 11:00)');`;

describe('diffSchemas: kept table constraints', () => {
  it('adds new ones after the keys and drops gone ones before the foreign keys', () => {
    expect(diffSchemas(plain, base).up.map((s) => s.sql)).toEqual([noOverlap.sql, toRoom.sql]);
    expect(diffSchemas(base, plain).up.map((s) => s.sql)).toEqual([
      'ALTER TABLE bookings DROP CONSTRAINT bookings_room_fk;',
      'ALTER TABLE bookings DROP CONSTRAINT no_overlap;',
    ]);
  });

  it('drops and adds again one whose text changed, or whose table has a column retyped', () => {
    expect(kindsOf(diffSchemas(base, changed).up)).toEqual(['dropConstraint', 'addConstraint']);
    expect(kindsOf(diffSchemas({ ...base, sqlObjects: [noOverlap] }, retyped).up)).toEqual([
      'dropConstraint',
      'alterColumn',
      'addConstraint',
    ]);
  });
});

describe.each(engines)('kept table constraints migrate on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    const migrates = async (from: Schema, to: Schema, data = rows) => expectMigrates(await engine.runner(), from, to, data);

    it('constraints are added (and dropped on the way down)', () => migrates(plain, base));
    it('an exclusion constraint changes', () => migrates(base, changed));
    it('a column under an exclusion constraint changes type', () => migrates({ ...base, sqlObjects: [noOverlap] }, retyped));
  });
});
