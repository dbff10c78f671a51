import { afterAll, describe, expect, it } from 'vitest';
import { extensionsAskedFor, extensionsSchemaNeeds, pgliteRunner, startPglite } from '../db/index.ts';
import { runProof, summarize } from '../proof/index.ts';
import { closeEngines } from '../testing/engines.ts';
import { column, dataDir, expectDdlRuns, imported } from '../testing/importedDdl.ts';

afterAll(closeEngines);

describe('importSql with extensions', () => {
  it('finds the shipped extensions a script creates, quoted or not, with what they need', () => {
    expect(
      extensionsAskedFor(
        'CREATE EXTENSION "uuid-ossp";\ncreate extension if not exists EarthDistance with schema public;\nCREATE EXTENSION postgis;',
      ),
    ).toEqual(['cube', 'earthdistance', 'uuid-ossp']);
  });

  it('keeps a PostGIS type with its modifiers as written when PostGIS is missing (issue 12, point 1)', async () => {
    const { schema, notes, skipped } = await imported(
      "CREATE EXTENSION IF NOT EXISTS postgis; COMMENT ON EXTENSION postgis IS 'PostGIS geometry and geography spatial types and functions'; CREATE TABLE z (id int PRIMARY KEY, zone geometry(Polygon,4326), spots geometry(Point, 4326)[], g geometry);",
    );
    expect(['zone', 'spots', 'g'].map((c) => column(schema, 'z', c).type)).toEqual([
      'geometry(polygon,4326)',
      'geometry(point,4326)[]',
      'geometry',
    ]);
    expect(notes).toEqual([expect.stringMatching(/^Line 1: extension "postgis" is not available here/)]);
    expect(skipped).toEqual({ 'CREATE EXTENSION': 1, 'COMMENT ON missing extension': 1 });
    await expectDdlRuns(schema, { inPglite: false });
    const pg = await startPglite(dataDir());
    try {
      const report = await runProof(pgliteRunner(pg), schema);
      expect(report.ddlError).toBeUndefined();
      expect(summarize(report)).toMatchObject({ failed: 0 });
    } finally {
      await pg.close();
    }
  }, 60_000);

  it('loads a shipped extension the script creates, so nothing that needs it is lost (issue 12, point 2)', async () => {
    const { schema, notes } = await imported(
      'CREATE EXTENSION "uuid-ossp"; CREATE TABLE parent (id serial PRIMARY KEY, g uuid DEFAULT uuid_generate_v1()); CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent(id));',
    );
    expect(schema.tables.map((t) => t.name)).toEqual(['parent', 'child']);
    expect(column(schema, 'parent', 'g').defaultValue).toBe('uuid_generate_v1()');
    expect(schema.relationships).toHaveLength(1);
    expect(schema.sqlObjects?.filter((o) => o.kind === 'extension').map((o) => o.sql)).toEqual([
      'CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;',
    ]);
    expect(notes).toEqual([]);
    await expectDdlRuns(schema);
  }, 60_000);

  it('proves a table using a shipped extension’s type, creating the extension in the proof', async () => {
    const { schema } = await imported(
      'CREATE EXTENSION citext; CREATE EXTENSION cube; CREATE TABLE tag (name citext PRIMARY KEY, at cube); CREATE TABLE post (id int PRIMARY KEY, tag_name citext NOT NULL REFERENCES tag);',
    );
    expect(extensionsSchemaNeeds(schema)).toEqual(['citext', 'cube']);
    const pg = await startPglite(dataDir(), extensionsSchemaNeeds(schema));
    try {
      const report = await runProof(pgliteRunner(pg), schema);
      expect(report.ddlError).toBeUndefined();
      expect(summarize(report)).toMatchObject({ failed: 0 });
      expect(summarize(report).passed).toBeGreaterThan(0);
    } finally {
      await pg.close();
    }
    await expectDdlRuns(schema);
  }, 60_000);

  it('ignores SET client_encoding: the script is already Unicode (issue 12, point 3)', async () => {
    const { schema, skipped } = await imported(
      "SET client_encoding = 'LATIN1';\n-- Café, naïve résumé\nCREATE TABLE t (id int PRIMARY KEY, name text);\nCOMMENT ON TABLE t IS 'Ça va';\n",
    );
    expect(schema.tables.map((t) => [t.name, t.comment])).toEqual([['t', 'Ça va']]);
    expect(skipped).toEqual({ 'SET client_encoding': 1 });
    await expectDdlRuns(schema);
  }, 60_000);

  it('makes a missing extension’s stand-in type where the extension would live, not first on the search path (issue 12, point 8)', async () => {
    const { schema } = await imported(
      'CREATE SCHEMA app; SET search_path = app, public; CREATE EXTENSION postgis WITH SCHEMA public; CREATE TABLE m (id int PRIMARY KEY, toc geometry);',
    );
    expect(column(schema, 'm', 'toc').type).toBe('geometry');
    expect(schema.tables[0]!.schemaName).toBe('app');
    expect(schema.sqlObjects?.find((o) => o.kind === 'extension')?.standIn).toMatch(/^CREATE TYPE geometry;/);
    await expectDdlRuns(schema, { inPglite: false });
  }, 60_000);

  it('keeps a shipped extension in the schema the script names (issue 12, point 8, with cube)', async () => {
    const { schema } = await imported(
      'CREATE SCHEMA app; SET search_path = app, public; CREATE EXTENSION cube WITH SCHEMA public; CREATE TABLE m (id int PRIMARY KEY, toc cube);',
    );
    expect(column(schema, 'm', 'toc').type).toBe('cube');
    await expectDdlRuns(schema);
  }, 60_000);
});
