import { describe, expect, it } from 'vitest';
import { updateColumn, type Schema, type SqlObject } from '../model/index.ts';
import { aSchema } from '../testing/factories.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { importSql } from '../io/importSql.ts';
import { runProof, summarize } from './runProof.ts';

/** An imported schema: the parent's key takes its default from a sequence kept as text, beside things PGlite cannot run. */
function withKeptObjects(): Schema {
  const { schema, parentId } = aSchema();
  const parentKey = schema.tables.find((t) => t.id === parentId)!.columns.find((c) => c.isPrimaryKey)!;
  const kept: SqlObject[] = [
    { id: 'sql_ext', kind: 'extension', name: 'vector', sql: 'CREATE EXTENSION IF NOT EXISTS vector;' },
    { id: 'sql_seq', kind: 'sequence', name: 'authors_id_seq', sql: 'CREATE SEQUENCE authors_id_seq;' },
    { id: 'sql_view', kind: 'view', name: 'v', sql: 'CREATE VIEW v AS SELECT * FROM nowhere;' },
  ];
  const drawn = updateColumn(schema, parentId, parentKey.id, { defaultValue: "nextval('authors_id_seq'::regclass)" });
  return { ...drawn, sqlObjects: kept };
}

describe('objects kept as SQL text in a proof', () => {
  it('creates what tables need (a sequence behind a default) and leaves out what the proof does not check (extensions, views)', async () => {
    const report = await runProof(await testRunner(), withKeptObjects());
    expect(report.ddlError).toBeUndefined();
    expect(summarize(report).failed).toBe(0);
    expect(summarize(report).passed).toBeGreaterThan(0);
  });

  it('creates stand-ins for the types of an extension PGlite lacks, so an imported table using one is still proved', async () => {
    const runner = await testRunner();
    const imported = await importSql(
      'CREATE EXTENSION IF NOT EXISTS vector;\nCREATE TABLE film (id integer PRIMARY KEY, embedding vector(3));\nCREATE TABLE clip (id integer PRIMARY KEY, film_id integer NOT NULL REFERENCES film (id));',
      runner,
    );
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.schema.sqlObjects?.find((o) => o.kind === 'extension')?.standIn).toMatch(/CREATE TYPE "?vector"?/);
    const report = await runProof(runner, imported.schema);
    expect(report.ddlError).toBeUndefined();
    expect(summarize(report)).toMatchObject({ failed: 0 });
    expect(summarize(report).passed).toBeGreaterThan(0);
  });
});
