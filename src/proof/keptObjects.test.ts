import { describe, expect, it } from 'vitest';
import { updateColumn, type Schema, type SqlObject } from '../model/index.ts';
import { aSchema } from '../testing/factories.ts';
import { testRunner } from '../testing/testDatabase.ts';
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
});
