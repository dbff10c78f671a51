import { beforeAll, describe, expect, it } from 'vitest';
import { generateDdl, toSqlText } from '../ddl/index.ts';
import type { Relationship, Schema } from '../model/index.ts';
import { hasCorpusFile, readCorpusFile } from '../testing/corpus.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { importSql, type ImportResult } from './importSql.ts';

const hasPagila = hasCorpusFile('pagila-schema.sql');
const script = readCorpusFile('pagila-schema.sql');
const partition = /^payment_p\d{4}_\d{2}$/;

/** The foreign keys the dump declares: child table, its columns, parent table. */
const declaredKeys = [
  ...script.matchAll(/ALTER TABLE ONLY public\.(\w+)\s+ADD CONSTRAINT (\w+) FOREIGN KEY \(([^)]*)\) REFERENCES public\.(\w+)/g),
].map(([, table, name, columns, parent]) => ({
  table: table!,
  name: name!,
  columns: columns!.split(', '),
  parent: parent!,
}));

/** A relationship as `child(columns) -> parent`, with its ends. */
function describeRelationships(schema: Schema): { key: string; rel: Relationship }[] {
  const table = (id: string) => schema.tables.find((t) => t.id === id)!;
  return schema.relationships.map((rel) => {
    const child = table(rel.to.tableId);
    const columns = rel.foreignKeyColumnIds.map((id) => child.columns.find((c) => c.id === id)!.name);
    return { key: `${child.name}(${columns.join(', ')}) -> ${table(rel.from.tableId).name}`, rel };
  });
}

describe.skipIf(!hasPagila)('importSql on pagila (a real pg_dump)', () => {
  let result: Extract<ImportResult, { ok: true }>;

  beforeAll(async () => {
    const imported = await importSql(script, await testRunner());
    if (!imported.ok) throw new Error(`${imported.error.line}: ${imported.error.message}`);
    result = imported;
  }, 60_000);

  it('turns every foreign key into a relationship; those declared on partitions once, from the partitioned table', () => {
    expect(declaredKeys).toHaveLength(script.match(/FOREIGN KEY/g)!.length);
    const expected = new Set(
      declaredKeys.map((k) => `${partition.test(k.table) ? 'payment' : k.table}(${k.columns.join(', ')}) -> ${k.parent}`),
    );
    const actual = describeRelationships(result.schema).map((r) => r.key);
    expect(actual).toHaveLength(expected.size);
    expect(new Set(actual)).toEqual(expected);
    expect(expected.size).toBe(declaredKeys.filter((k) => !partition.test(k.table)).length + 3);
  });

  it('reads the ends and actions of specific keys', () => {
    const byKey = new Map(describeRelationships(result.schema).map((r) => [r.key, r.rel]));
    const film = byKey.get('film(language_id) -> language')!;
    expect([film.from.min, film.from.max, film.to.min, film.to.max]).toEqual([1, 1, 0, 'many']);
    expect([film.onDelete, film.onUpdate, film.isDeferrable]).toEqual(['restrict', 'cascade', false]);
    const original = byKey.get('film(original_language_id) -> language')!;
    expect(original.from.min).toBe(0);
    const embedding = byKey.get('film_embedding(film_id) -> film')!;
    expect([embedding.to.max, embedding.oneToOne, embedding.onDelete]).toEqual([1, 'sharedPrimaryKey', 'cascade']);
    const payment = byKey.get('payment(customer_id) -> customer')!;
    expect([payment.to.max, payment.onDelete]).toEqual(['many', 'no action']);
    expect(byKey.get('film_actor(actor_id) -> actor')!.to.max).toBe('many');
  });

  it('keeps the partitioned table, leaves its partitions out and says so', () => {
    const names = result.schema.tables.map((t) => t.name);
    expect(names).toContain('payment');
    expect(names.filter((n) => partition.test(n))).toEqual([]);
    expect(result.notes.find((n) => n.includes('"payment" is partitioned by RANGE (payment_date)'))).toContain('payment_p2022_01');
  });

  it('reads enums, non-ASCII names, columns and kept-as-text objects', () => {
    expect(result.schema.enums.find((e) => e.name === 'mpaa_rating')?.values).toEqual(['G', 'PG', 'PG-13', 'R', 'NC-17']);
    const film = result.schema.tables.find((t) => t.name === 'film')!;
    expect(film.columns.find((c) => c.name === 'rating')?.type).toBe('mpaa_rating');
    expect(film.columns.find((c) => c.name === 'release_year')?.type).toBe('year');
    expect(film.columns.find((c) => c.name === 'last_update')).toMatchObject({
      type: 'timestamptz',
      isNotNull: true,
      defaultValue: 'now()',
    });
    const kept = result.schema.sqlObjects ?? [];
    const names = (kind: string) => kept.filter((o) => o.kind === kind).map((o) => o.name);
    expect(names('view')).toEqual(expect.arrayContaining(['film_list', 'actor_info', 'staff_list']));
    expect(names('materializedView')).toEqual(['rental_by_category']);
    expect(names('domain')).toEqual(['"bıgınt"', 'year']);
    expect(names('function')).toContain('last_updated()');
    expect(names('aggregate')).toEqual(['group_concat(text)']);
    expect(names('trigger')).toContain('last_updated on film');
    expect(kept.find((o) => o.name === 'film_list')!.sql).toMatch(/^CREATE VIEW film_list AS\n/);
  });

  it('summarises what it skipped and why', () => {
    expect(result.skipped['OWNER TO']).toBe(script.match(/OWNER TO/g)!.length);
    expect(result.summary).toMatch(/^skipped: .*OWNER TO.*GRANT/);
    expect(result.notes.some((n) => n.includes('extension "vector" is not available'))).toBe(true);
  });

  it('gives DDL that imports again to the same tables and relationships', async () => {
    const ddl = generateDdl(result.schema);
    expect(ddl.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const again = await importSql(toSqlText(ddl.statements), await testRunner());
    if (!again.ok) throw new Error(`${again.error.line}: ${again.error.message}\n${again.error.statement}`);
    expect(again.schema.tables.map((t) => t.name)).toEqual(result.schema.tables.map((t) => t.name));
    expect(
      describeRelationships(again.schema)
        .map((r) => r.key)
        .sort(),
    ).toEqual(
      describeRelationships(result.schema)
        .map((r) => r.key)
        .sort(),
    );
    expect(again.schema.sqlObjects?.map((o) => o.sql).sort()).toEqual(result.schema.sqlObjects?.map((o) => o.sql).sort());
  }, 60_000);
});
