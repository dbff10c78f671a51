import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDdl, toSqlText } from '../ddl/index.ts';
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
