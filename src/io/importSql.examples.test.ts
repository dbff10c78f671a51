import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDdl, toSqlText } from '../ddl/index.ts';
import { updateTableFields, type Schema } from '../model/index.ts';
import { aSchema } from '../testing/factories.ts';
import { schemaMeaning } from '../testing/schemaMeaning.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { importSql } from './importSql.ts';
import { parseProjectFile } from './projectFile.ts';

const examples = readdirSync(join(process.cwd(), 'examples')).filter((f) => f.endsWith('.erd.json'));

describe('importSql on the shipped examples', () => {
  it.each(examples)('%s: document -> DDL -> import keeps its meaning, and a second round gives the same DDL', async (file) => {
    const loaded = parseProjectFile(readFileSync(join(process.cwd(), 'examples', file), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    const runner = await testRunner();
    const ddl = toSqlText(generateDdl(loaded.document.schema).statements);
    const first = await importSql(ddl, runner);
    if (!first.ok) throw new Error(`${first.error.line}: ${first.error.message}`);
    expect(schemaMeaning(first.schema)).toEqual(schemaMeaning(loaded.document.schema));
    const ddl1 = toSqlText(generateDdl(first.schema).statements);
    const second = await importSql(ddl1, runner);
    if (!second.ok) throw new Error(`${second.error.line}: ${second.error.message}`);
    expect(toSqlText(generateDdl(second.schema).statements)).toBe(ddl1);
    expect(first.notes).toEqual([]);
  });
});

describe('importSql on a document using every table feature', () => {
  it('reaches a fixed point after one round: enums and tables in another schema, checks, indexes, comments, defaults, identity', async () => {
    const { schema: base, childId, parentId } = aSchema();
    const books = base.tables.find((t) => t.id === childId)!;
    const title = books.columns.find((c) => c.name === 'title')!;
    let schema: Schema = {
      ...base,
      enums: [{ id: 'enum_1', name: 'Mood', schemaName: 'sales', values: ['ok', "it's bad"] }],
      tables: base.tables.map((t) =>
        t.id === parentId
          ? {
              ...t,
              schemaName: 'sales',
              comment: 'Who wrote it',
              columns: [
                ...t.columns.map((c) => (c.name === 'id' ? { ...c, identity: 'byDefault' as const } : c)),
                {
                  ...title,
                  id: title.id.replace('col', 'coz') as typeof title.id,
                  name: 'mood',
                  type: 'sales."Mood"',
                  defaultValue: "'ok'",
                  isNotNull: false,
                  comment: 'feeling',
                },
              ],
            }
          : t,
      ),
    };
    schema = updateTableFields(schema, childId, {
      checks: [{ id: 'chk_1', name: 'title_not_blank', expression: "title <> ''" }],
      indexes: [{ id: 'idx_1', name: '', columnIds: [title.id], isUnique: false }],
    });
    const runner = await testRunner();
    const first = await importSql(toSqlText(generateDdl(schema).statements), runner);
    if (!first.ok) throw new Error(`${first.error.line}: ${first.error.message}`);
    expect(schemaMeaning(first.schema)).toEqual(schemaMeaning(schema));
    expect(first.schema.tables[0]).toMatchObject({ schemaName: 'sales', comment: 'Who wrote it' });
    expect(first.schema.tables[0]!.columns.at(-1)).toMatchObject({
      type: 'sales."Mood"',
      defaultValue: `'ok'::sales."Mood"`,
      comment: 'feeling',
    });
    expect(first.schema.enums).toEqual([expect.objectContaining({ name: 'Mood', schemaName: 'sales', values: ['ok', "it's bad"] })]);
    const ddl1 = toSqlText(generateDdl(first.schema).statements);
    const second = await importSql(ddl1, runner);
    if (!second.ok) throw new Error(`${second.error.line}: ${second.error.message}`);
    expect(toSqlText(generateDdl(second.schema).statements)).toBe(ddl1);
  });
});
