import { describe, expect, it } from 'vitest';
import { addColumn, connect, emptySchema, renameTable, setEnd, type Schema, type TableId } from '../model/index.ts';
import { generateDdl, type Statement } from '../ddl/index.ts';
import { ends, withTable } from '../testing/factories.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { snapshotCatalog } from './catalogSnapshot.ts';
import { migrationScope, statementsInScope } from './migrationScope.ts';
import { sharedBuild } from './sharedBuild.ts';

/** Eight chains of ten tables, each table referencing the one before it, the first of each with a mandatory child. */
function chains(): { schema: Schema; ids: TableId[] } {
  let schema = emptySchema;
  const ids: TableId[] = [];
  for (let i = 0; i < 80; i++) {
    const added = withTable(schema, `t${i}`, { name: 'label', type: 'text' });
    schema = added.schema;
    ids.push(added.tableId);
    if (i % 10 !== 0)
      schema = connect(schema, ids[i - 1]!, added.tableId, {
        from: ends.exactlyOne,
        to: i % 10 === 1 ? ends.oneOrMany : ends.zeroOrMany,
      }).schema;
  }
  return { schema, ids };
}

const { schema: from, ids } = chains();
// A renamed table mid-chain, a column added, an end made 1:1: each changes its own statements and its neighbours' keys.
let to = renameTable(from, ids[4]!, 'renamed');
to = addColumn(to, ids[23]!, { name: 'extra', type: 'text' }).schema;
to = setEnd(to, from.relationships[40]!.id, 'to', ends.zeroOrOne);

const ddl = (s: Schema) => generateDdl(s).statements.filter((x) => x.kind !== 'note');
const scope = migrationScope(from, to, ddl(from), ddl(to));
const [oldStatements, newStatements] = [statementsInScope(ddl(from), from, scope), statementsInScope(ddl(to), to, scope)];
const split = sharedBuild(oldStatements, newStatements, [...from.relationships, ...to.relationships]);

async function snapshotOf(...parts: readonly Statement[][]) {
  const db = await testRunner();
  await db.exec('BEGIN');
  try {
    await db.exec('CREATE SCHEMA built');
    await db.exec('SET LOCAL search_path TO built');
    for (const part of parts) await db.execEach(part.map((s) => s.sql));
    return await snapshotCatalog(db, ['built']);
  } finally {
    await db.exec('ROLLBACK');
  }
}

describe('sharedBuild', () => {
  it('shares only what both schemas build alike, and a relationship only with both its tables', () => {
    expect(scope.tableIds).not.toBe('all');
    expect(split.shared.length).toBeGreaterThan(0);
    const texts = (list: readonly Statement[]) => new Set(list.map((s) => s.sql));
    const [before, after] = [texts(oldStatements), texts(newStatements)];
    expect(split.shared.every((s) => before.has(s.sql) && after.has(s.sql))).toBe(true);
    const sharedTables = new Set(split.shared.filter((s) => s.kind === 'createTable').map((s) => s.tableId));
    expect(sharedTables.has(ids[4]) || sharedTables.has(ids[23])).toBe(false);
    for (const s of split.shared.filter((x) => x.relationshipId)) {
      const r = to.relationships.find((x) => x.id === s.relationshipId)!;
      expect([sharedTables.has(r.from.tableId), sharedTables.has(r.to.tableId)]).toEqual([true, true]);
    }
    expect(new Set([...split.shared, ...split.newOnly])).toEqual(new Set(newStatements));
    expect(new Set([...split.shared, ...split.oldOnly])).toEqual(new Set(oldStatements));
  });

  it('the shared part, then either schema own part, builds the catalog the whole script builds', async () => {
    expect(await snapshotOf(split.shared, split.newOnly)).toEqual(await snapshotOf(newStatements));
    expect(await snapshotOf(split.shared, split.oldOnly)).toEqual(await snapshotOf(oldStatements));
  });
});
