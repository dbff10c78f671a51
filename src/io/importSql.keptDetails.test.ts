import { afterAll, describe, expect, it } from 'vitest';
import { defaultDdlOptions, generateDdl, toSqlText } from '../ddl/index.ts';
import { runProof, summarize } from '../proof/index.ts';
import { closeEngines } from '../testing/engines.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { column, expectDdlRuns, imported } from '../testing/importedDdl.ts';
import { parseProjectFile, serializeProjectFile } from './projectFile.ts';

afterAll(closeEngines);

const ddlOf = (schema: Parameters<typeof generateDdl>[0]) => toSqlText(generateDdl(schema, defaultDdlOptions).statements);

describe('importSql keeps what real schemas say beyond tables and keys', () => {
  it('creates a schema that holds only views (issue 12, point 4)', async () => {
    const { schema } = await imported('CREATE TABLE t (id int PRIMARY KEY); CREATE SCHEMA pe CREATE VIEW tv AS SELECT id FROM public.t;');
    expect(schema.sqlObjects?.map((o) => [o.kind, o.name])).toEqual([
      ['schema', 'pe'],
      ['view', 'pe.tv'],
    ]);
    const ddl = ddlOf(schema);
    expect(ddl.indexOf('CREATE SCHEMA IF NOT EXISTS pe;')).toBeLessThan(ddl.indexOf('CREATE VIEW pe.tv'));
    await expectDdlRuns(schema);
  }, 60_000);

  it('does not keep a schema its tables already bring', async () => {
    const { schema } = await imported('CREATE SCHEMA app; CREATE TABLE app.t (id int PRIMARY KEY);');
    expect(schema.sqlObjects ?? []).toEqual([]);
  }, 60_000);

  it('keeps column collations, CREATE COLLATION and indexes with a collation of their own (issue 12, point 9)', async () => {
    const { schema, notes } = await imported(`
CREATE SCHEMA musicbrainz;
SET search_path = musicbrainz, public;
CREATE COLLATION musicbrainz (provider = icu, locale = '@colCaseFirst=lower;colNumeric=yes');
CREATE TABLE artist (id int PRIMARY KEY, name VARCHAR COLLATE musicbrainz NOT NULL, code text COLLATE "C", sort_name text);
CREATE INDEX artist_idx_musicbrainz_collate ON artist (sort_name COLLATE musicbrainz.musicbrainz);
CREATE INDEX artist_code ON artist (code COLLATE "C");
CREATE INDEX artist_sort ON artist (sort_name COLLATE "C");
`);
    expect(column(schema, 'artist', 'name')).toMatchObject({ collation: 'musicbrainz', collationSchema: 'musicbrainz' });
    expect(column(schema, 'artist', 'code')).toMatchObject({ collation: 'C' });
    expect(column(schema, 'artist', 'code').collationSchema).toBeUndefined();
    expect(column(schema, 'artist', 'sort_name').collation).toBeUndefined();
    // An index on the column's own collation is a plain index; one that names another is kept as its SQL.
    expect(schema.tables[0]!.indexes.map((i) => i.name)).toEqual(['artist_code']);
    expect(schema.sqlObjects?.map((o) => [o.kind, o.name])).toEqual([
      ['collation', 'musicbrainz.musicbrainz'],
      ['index', 'artist_idx_musicbrainz_collate'],
      ['index', 'artist_sort'],
    ]);
    expect(notes).toEqual([]);
    const ddl = ddlOf(schema);
    expect(ddl).toContain('name varchar COLLATE musicbrainz.musicbrainz NOT NULL');
    expect(ddl).toContain('code text COLLATE "C"');
    expect(ddl.indexOf('CREATE COLLATION musicbrainz.musicbrainz')).toBeLessThan(ddl.indexOf('CREATE TABLE musicbrainz.artist'));
    await expectDdlRuns(schema);
    // The proof creates the collation the tables need.
    const report = await runProof(await testRunner(), schema);
    expect(report.ddlError).toBeUndefined();
    expect(summarize(report).failed).toBe(0);
    // Kept through the project file.
    const reloaded = parseProjectFile(serializeProjectFile({ schema, layout: {} }));
    expect(reloaded.ok && column(reloaded.document.schema, 'artist', 'name')).toMatchObject({
      collation: 'musicbrainz',
      collationSchema: 'musicbrainz',
    });
  }, 60_000);

  it('leaves out, with a note, a kept object the document may not carry (a C function) instead of keeping an error that blocks the DDL', async () => {
    const { schema, notes } = await imported(
      "CREATE EXTENSION unaccent;\nCREATE FUNCTION immutable_unaccent(regdictionary, text) RETURNS text LANGUAGE c IMMUTABLE STRICT AS '$libdir/unaccent', 'unaccent_dict';\nCREATE TABLE t (id int PRIMARY KEY);",
    );
    expect(schema.sqlObjects?.map((o) => o.kind)).toEqual(['extension']);
    expect(notes).toEqual([
      expect.stringMatching(
        /^Not kept: the function "immutable_unaccent\(regdictionary,text\)" is in LANGUAGE c, which runs code outside PostgreSQL's sandbox/,
      ),
    ]);
    expect(generateDdl(schema, defaultDdlOptions).problems.filter((p) => p.severity === 'error')).toEqual([]);
  }, 60_000);

  it('also leaves out, with a note, what calls a routine left out (MusicBrainz musicbrainz_unaccent), so the DDL still runs', async () => {
    const { schema, notes } = await imported(
      [
        'CREATE EXTENSION unaccent;',
        "CREATE FUNCTION immutable_unaccent(regdictionary, text) RETURNS text LANGUAGE c IMMUTABLE STRICT AS '$libdir/unaccent', 'unaccent_dict';",
        'CREATE FUNCTION my_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT immutable_unaccent(NULL::regdictionary, $1) $$;',
        'CREATE FUNCTION shout(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper(my_unaccent($1)) $$;',
        'CREATE TABLE t (id int PRIMARY KEY, name text);',
      ].join('\n'),
    );
    expect(schema.sqlObjects?.map((o) => o.kind)).toEqual(['extension']);
    expect(notes).toEqual([
      expect.stringMatching(/^Not kept: the function "immutable_unaccent\(regdictionary,text\)" is in LANGUAGE c/),
      expect.stringMatching(
        /^Not kept: the function "my_unaccent\(text\)", which calls "immutable_unaccent\(regdictionary,text\)", which is not kept\.$/,
      ),
      expect.stringMatching(/^Not kept: the function "shout\(text\)", which calls "my_unaccent\(text\)", which is not kept\.$/),
    ]);
    await expectDdlRuns(schema);
  }, 60_000);

  it('writes an aggregate before a function that calls it (MusicBrainz median), so the DDL checks the function body', async () => {
    const { schema } = await imported(`
CREATE FUNCTION _median(integer[]) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT $1[(cardinality($1) + 1) / 2] $$;
CREATE AGGREGATE median(integer) (SFUNC = array_append, STYPE = integer[], FINALFUNC = _median, INITCOND = '{}');
CREATE TABLE track (id int PRIMARY KEY, length int);
CREATE FUNCTION median_track_length() RETURNS integer LANGUAGE sql AS $$ SELECT median(track.length) FROM track $$;
`);
    const ddl = ddlOf(schema);
    expect(ddl.indexOf('CREATE AGGREGATE')).toBeLessThan(ddl.indexOf('median_track_length'));
    await expectDdlRuns(schema);
  }, 60_000);

  it('says that text search configurations are not imported', async () => {
    const { notes } = await imported(
      'CREATE TEXT SEARCH CONFIGURATION mb_simple (COPY = pg_catalog.simple); CREATE TABLE t (id int PRIMARY KEY);',
    );
    expect(notes).toEqual(['Not imported: 1 text search configuration or dictionary (functions using them fail without them).']);
  }, 60_000);

  it('says how many indexes created on partitions themselves are not imported', async () => {
    const { notes } = await imported(`
CREATE TABLE ev (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE ev_default PARTITION OF ev DEFAULT;
CREATE INDEX ev_at ON ev (at);
CREATE INDEX ev_default_id ON ev_default (id);
`);
    expect(notes).toContain('Not imported: 1 index created on partitions of "ev" rather than on it (ev_default_id).');
  }, 60_000);

  it('keeps a foreign key NOT VALID, with a note (issue 12, point 10)', async () => {
    const { schema, notes } = await imported(`
CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE apps (id int PRIMARY KEY, owner_id int);
ALTER TABLE apps ADD CONSTRAINT fk_rails_cc886e315a FOREIGN KEY (owner_id) REFERENCES public.users(id) NOT VALID;
CREATE TABLE tokens (id int PRIMARY KEY, app_id int REFERENCES apps);
`);
    const childOf = (r: (typeof schema.relationships)[number]) => schema.tables.find((t) => t.id === r.to.tableId)!.name;
    expect(schema.relationships.map((r) => [childOf(r), r.isNotValid])).toEqual([
      ['apps', true],
      ['tokens', undefined],
    ]);
    expect(notes).toEqual([
      'Foreign key "fk_rails_cc886e315a" of "apps" is NOT VALID (rows already there were never checked); the DDL adds it NOT VALID too.',
    ]);
    const ddl = ddlOf(schema);
    expect(ddl).toMatch(/FOREIGN KEY \(owner_id\)\n {2}REFERENCES users \(id\)\n {2}NOT VALID;/);
    expect(ddl.match(/NOT VALID/g)).toHaveLength(1);
    await expectDdlRuns(schema);
    const reloaded = parseProjectFile(serializeProjectFile({ schema, layout: {} }));
    expect(reloaded.ok && reloaded.document.schema.relationships[0]!.isNotValid).toBe(true);
  }, 60_000);
});
