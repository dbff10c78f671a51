import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { addColumn, renameTable, setEnd, updateColumn, updateRelationship, type EnumType, type Schema } from '../model/index.ts';
import { aSchema, aTable, anEnum, ends, tableOf } from '../testing/factories.ts';
import { ddlOf } from '../testing/migrationCheck.ts';
import { serverDatabase, serverSkip } from '../testing/serverDatabase.ts';
import { diffSchemas, diffWithConfirmedRenames, renameKey, toMigrationSql } from './index.ts';

/**
 * A second opinion from another tool: @pgkit/migra (a catalog-diff tool, a port of Python's migra)
 * compares a database built fresh from the new schema's DDL with one the up migration brought there
 * from the old schema. Our own proof is the one users see; this checks it against a tool that reads
 * the catalog its own way (column types, defaults, constraints, indexes, enums, functions, triggers).
 */
const migra = await import('@pgkit/migra').catch((error: Error) => error);
const skip =
  serverSkip || (migra instanceof Error ? `@pgkit/migra could not be loaded (${migra.message}): the second opinion is skipped` : false);

const { schema: books, relationshipId } = aSchema(ends.zeroOrOne, ends.zeroOrMany);
const customers = aTable('customers', { name: 'name', type: 'text', isNotNull: true }, { name: 'note', type: 'varchar(20)' });
const note = tableOf(customers.schema, customers.tableId).columns.find((c) => c.name === 'note')!;
const mood = anEnum({ values: ['sad', 'ok', 'glad'] });
const people = aTable('people', { name: 'feeling', type: 'mood', defaultValue: "'ok'" });
const feelings: Schema = { ...people.schema, enums: [mood] };
const withMood = (fields: Partial<EnumType>): Schema => ({ ...feelings, enums: [{ ...mood, ...fields }] });
/** books.title gone and books.heading (same type) come: a rename once the user confirms it. */
const titleRenamed = (() => {
  const title = tableOf(books, books.tables[1]!.id).columns.find((c) => c.name === 'title')!;
  return updateColumn(books, books.tables[1]!.id, title.id, { name: 'heading' });
})();

/** Migrations taken from the unit tests beside this file: old schema, new schema, and the up script. */
const cases: { name: string; from: Schema; to: Schema; up?: (from: Schema, to: Schema) => string }[] = [
  { name: 'a table renamed', from: customers.schema, to: renameTable(customers.schema, customers.tableId, 'clients') },
  {
    name: 'a type widened, a NOT NULL column with a default added',
    from: customers.schema,
    to: addColumn(updateColumn(customers.schema, customers.tableId, note.id, { type: 'text' }), customers.tableId, {
      name: 'since',
      type: 'date',
      isNotNull: true,
      defaultValue: 'CURRENT_DATE',
    }).schema,
  },
  { name: 'a 1:N made 1:1', from: books, to: setEnd(books, relationshipId, 'to', ends.zeroOrOne) },
  { name: 'a mandatory child end (constraint triggers)', from: books, to: setEnd(books, relationshipId, 'to', ends.oneOrMany) },
  { name: 'ON DELETE changed', from: books, to: updateRelationship(books, relationshipId, { onDelete: 'cascade' }) },
  { name: 'enum labels added', from: feelings, to: withMood({ values: ['awful', 'sad', 'ok', 'fine', 'glad'] }) },
  {
    name: 'a column renamed (ids kept)',
    from: books,
    to: titleRenamed,
  },
  {
    name: 'a table made again from a copy, the rename confirmed',
    from: customers.schema,
    to: aTable('clients', { name: 'name', type: 'text', isNotNull: true }, { name: 'note', type: 'varchar(20)' }).schema,
    up: (from, to) => {
      const [proposal] = diffSchemas(from, to).proposedRenames;
      return toMigrationSql(diffWithConfirmedRenames(from, to, [renameKey(proposal!)]).up);
    },
  },
];

/** Runs a script on a database of the test server. */
async function run(url: string, script: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on('notice', () => {});
  try {
    await client.query(script);
  } finally {
    await client.end();
  }
}

/** The statements migra would run to turn the database at `from` into the one at `to` (none: they agree). */
async function migraDifferences(from: string, to: string): Promise<string[]> {
  const migration = await (migra as Exclude<typeof migra, Error>).run(from, to, { unsafe: true });
  for (const side of [migration.s_from, migration.s_target]) await (side as { end?: () => Promise<void> }).end?.();
  return [...migration.statements];
}

describe.skipIf(Boolean(skip))(skip ? `migra's second opinion skipped: ${skip}` : "migra's second opinion on PostgreSQL", () => {
  const made: { drop(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const database of made) await database.drop();
  });

  it.each(cases.map((c, i) => ({ ...c, i })))('$name: migra finds nothing between the migrated database and a fresh one', async (c) => {
    const up = c.up ? c.up(c.from, c.to) : toMigrationSql(diffSchemas(c.from, c.to, { extensionStandIns: true }).up);
    expect(up).not.toBe('');
    const fresh = await serverDatabase(`migra_fresh_${c.i}`);
    const migrated = await serverDatabase(`migra_migrated_${c.i}`);
    made.push(fresh, migrated);
    await run(fresh.url, ddlOf(c.to));
    await run(migrated.url, ddlOf(c.from));
    // migra does see the change before the migration runs (the comparison is not vacuous)...
    expect((await migraDifferences(migrated.url, fresh.url)).length).toBeGreaterThan(0);
    await run(migrated.url, up);
    // ...and nothing after it.
    expect(await migraDifferences(migrated.url, fresh.url)).toEqual([]);
  });
});
