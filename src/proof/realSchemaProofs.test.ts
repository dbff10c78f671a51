import { afterAll, describe, expect, it } from 'vitest';
import { addColumn, connect, setEnd, updateRelationship, type Schema, type SqlRunner } from '../model/index.ts';
import { aSchema, ends, withTable } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { importSql } from '../io/importSql.ts';
import { runProof, summarize, type ProofReport } from './runProof.ts';
import { sampleValue } from './sampleValue.ts';

/** Scenarios that did not pass, with what PostgreSQL said: empty when the proof is right. */
const notPassed = (report: ProofReport) =>
  report.results
    .filter((r) => r.verdict !== 'passed')
    .map((r) => ({ title: r.title, verdict: r.verdict, reason: r.reason, actual: r.actual }));

/** Authors and books with a deferred key (Danbooru's 82 keys are all DEFERRABLE INITIALLY DEFERRED). */
/** Imports a script through PostgreSQL (the shared test PGlite) and proves the schema it gives on `db`. */
async function proveImported(db: SqlRunner, sql: string): Promise<ProofReport> {
  const imported = await importSql(sql, await testRunner());
  if (!imported.ok) throw new Error(imported.error.message);
  return runProof(db, imported.schema);
}

function deferredOneToMany(): Schema {
  const { schema, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrMany);
  return updateRelationship(schema, relationshipId, { isDeferrable: true });
}

describe.each(engines)('proofs of what real schemas hold, on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    it('a deferred key refuses an orphan, a deleted parent and a re-keyed parent at COMMIT (SET CONSTRAINTS … IMMEDIATE)', async () => {
      const report = await runProof(await engine.runner(), deferredOneToMany());
      expect(notPassed(report)).toEqual([]);
      const orphan = report.results.find((r) => r.kind === 'orphanChild')!;
      expect(orphan.sql.slice(-2)).toEqual([
        'SET CONSTRAINTS books_author_id_fkey IMMEDIATE; -- the deferred key is checked at once, as COMMIT would',
        expect.stringMatching(/^INSERT INTO books /),
      ]);
      expect(orphan.actual).toMatchObject({ outcome: 'rejected', error: { code: '23503' } });
      for (const kind of ['deleteParent', 'updateParentKey'] as const) {
        expect(report.results.find((r) => r.kind === kind)!.actual).toMatchObject({ outcome: 'rejected', error: { code: '23503' } });
      }
    });

    it('deferred keys on both sides of a many-to-many and with ON DELETE CASCADE are proved too', async () => {
      const base = deferredOneToMany();
      const cascade = updateRelationship(base, base.relationships[0]!.id, { onDelete: 'cascade', onUpdate: 'cascade' });
      const tags = withTable(cascade, 'tags', { name: 'label', type: 'text', isNotNull: true });
      const books = cascade.tables.find((t) => t.name === 'books')!;
      const manyToMany = connect(tags.schema, books.id, tags.tableId, { from: ends.zeroOrMany, to: ends.zeroOrMany });
      const schema = updateRelationship(manyToMany.schema, manyToMany.relationshipId, { isDeferrable: true });
      const report = await runProof(await engine.runner(), schema);
      expect(notPassed(report)).toEqual([]);
      expect(summarize(report).passed).toBeGreaterThanOrEqual(14);
    });

    it('a CHECK calling a kept function (MusicBrainz: 133 of them): the proof creates the function, then the CHECK, and proves every scenario', async () => {
      const report = await proveImported(
        await engine.runner(),
        `CREATE FUNCTION controlled_for_whitespace(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t = btrim(t) $$;
         CREATE TABLE area (id int PRIMARY KEY, name text NOT NULL);
         ALTER TABLE area ADD CONSTRAINT control_for_whitespace CHECK (controlled_for_whitespace(name));
         CREATE TABLE place (id int PRIMARY KEY, area_id int NOT NULL REFERENCES area);`,
      );
      expect(report.ddlError).toBeUndefined();
      expect(notPassed(report)).toEqual([]);
      expect(summarize(report).passed).toBe(6);
    });

    it("a UNIQUE column left to its default gets a value of its own in every sample row (OpenStreetMap: display_name DEFAULT '' UNIQUE)", async () => {
      const { schema, parentId } = aSchema(ends.exactlyOne, ends.zeroOrMany, { parent: 'users', child: 'changesets' });
      const withDisplayName = addColumn(schema, parentId, {
        name: 'display_name',
        type: 'character varying',
        isNotNull: true,
        isUnique: true,
        defaultValue: "''::character varying",
      }).schema;
      const report = await runProof(await engine.runner(), withDisplayName);
      expect(notPassed(report)).toEqual([]);
      expect(summarize(report).passed).toBe(6);
    });

    it('a NOT NULL column of a domain gets a value of its base type (AdventureWorks: CREATE DOMAIN "Name" varchar(50))', async () => {
      const report = await proveImported(
        await engine.runner(),
        `CREATE DOMAIN "Name" varchar(50);
         CREATE DOMAIN "Flag" boolean NOT NULL DEFAULT false;
         CREATE DOMAIN "ShortName" "Name" CHECK (length(VALUE) <= 10);
         CREATE TABLE person (id int PRIMARY KEY, first_name "Name" NOT NULL, nick "ShortName" NOT NULL UNIQUE, is_active "Flag" NOT NULL);
         CREATE TABLE phone (id int PRIMARY KEY, person_id int NOT NULL REFERENCES person, label "Name" NOT NULL);`,
      );
      expect(report.ddlError).toBeUndefined();
      expect(notPassed(report)).toEqual([]);
      expect(summarize(report).passed).toBe(6);
    });

    it("a domain CHECK no sample value meets makes the scenarios not provable, with PostgreSQL's reason", async () => {
      const report = await proveImported(
        await engine.runner(),
        `CREATE DOMAIN code AS text CHECK (VALUE ~ '^[A-Z]{3}$');
         CREATE TABLE airport (id int PRIMARY KEY, iata code NOT NULL);
         CREATE TABLE flight (id int PRIMARY KEY, airport_id int NOT NULL REFERENCES airport);`,
      );
      // The orphan and the NULL key need no airport row; the four that do are not provable, never failed.
      expect(summarize(report)).toEqual({ passed: 2, failed: 0, notProvable: 4 });
      const reasons = report.results.filter((r) => r.verdict === 'notProvable').map((r) => r.reason);
      expect(reasons).toEqual(Array(4).fill(expect.stringMatching(/23514: value for domain code violates check constraint "code_check"/)));
    });

    it('a child without a primary key is found again by its own values after a delete or a re-key (listmonk)', async () => {
      const report = await proveImported(
        await engine.runner(),
        `CREATE TABLE lists (id int PRIMARY KEY, name text NOT NULL);
         CREATE TABLE list_log (list_id int NOT NULL REFERENCES lists ON DELETE CASCADE ON UPDATE CASCADE, note text NOT NULL);
         CREATE TABLE list_tags (list_id int REFERENCES lists ON DELETE SET NULL);`,
      );
      expect(report.results.filter((r) => r.verdict === 'failed')).toEqual([]);
      const notProvable = report.results.filter((r) => r.verdict === 'notProvable').map((r) => `${r.kind}: ${r.reason}`);
      expect(notProvable).toEqual([
        'deleteParent: "list_tags" has no primary key and no column of its own to find its row by after ON DELETE SET NULL',
      ]);
      expect(report.results.find((r) => r.kind === 'deleteParent' && r.verified)?.verified).toBe('the list_log is deleted too');
    });

    it("sample rows meet the tables' CHECKs: constants they compare with, a later value, a value where NULL is refused (AdventureWorks, Lago)", async () => {
      const report = await proveImported(
        await engine.runner(),
        `CREATE TYPE quote_status AS ENUM ('draft', 'approved', 'voided');
         CREATE TABLE vendor (id int PRIMARY KEY, credit_rating smallint NOT NULL CHECK (credit_rating BETWEEN 1 AND 5),
           person_type char(2) NOT NULL CHECK (upper(person_type) IN ('SC', 'VC')), ship_base numeric(10,2) NOT NULL CHECK (ship_base > 0.00));
         CREATE TABLE quote (id int PRIMARY KEY, vendor_id int NOT NULL REFERENCES vendor, status quote_status NOT NULL, approved_at timestamp,
           ordered date NOT NULL, due date NOT NULL, CHECK (due > ordered), CHECK ((status = 'approved') = (approved_at IS NOT NULL)));`,
      );
      expect(notPassed(report)).toEqual([]);
      expect(summarize(report).passed).toBe(6);
    });

    it('a second child differs in an enum column that shares a UNIQUE with its foreign key (Lago: UNIQUE (subscription_id, type))', async () => {
      const report = await proveImported(
        await engine.runner(),
        `CREATE TYPE rule_type AS ENUM ('payment', 'approval');
         CREATE TABLE organizations (id int PRIMARY KEY);
         CREATE TABLE subscriptions (id int PRIMARY KEY, plan rule_type NOT NULL);
         CREATE TABLE activation_rules (id int PRIMARY KEY, subscription_id int NOT NULL REFERENCES subscriptions,
           organization_id int NOT NULL REFERENCES organizations, type rule_type NOT NULL, UNIQUE (subscription_id, type));`,
      );
      expect(notPassed(report)).toEqual([]);
      expect(summarize(report).passed).toBe(12);
    });

    it('a UNIQUE column a CHECK wants set gets a value of its own in every row (MusicBrainz: iso_code_2t OR iso_code_3)', async () => {
      const report = await proveImported(
        await engine.runner(),
        `CREATE TABLE language (id int PRIMARY KEY, iso_code_2t char(3) UNIQUE, iso_code_3 char(3) UNIQUE, CHECK (iso_code_2t IS NOT NULL OR iso_code_3 IS NOT NULL));
         CREATE TABLE work_language (id int PRIMARY KEY, language int NOT NULL REFERENCES language);`,
      );
      expect(notPassed(report)).toEqual([]);
      expect(summarize(report).passed).toBe(6);
    });

    it('PostGIS takes the geometry samples as the types their modifiers name, where it is installed', async (context) => {
      const runner = await engine.runner();
      const { rows } = await runner.query("SELECT count(*)::int AS n FROM pg_catalog.pg_available_extensions WHERE name = 'postgis'");
      if (rows[0]!.n === 0) context.skip(`PostGIS is not installed for ${engine.name}`);
      await runner.exec('BEGIN');
      try {
        await runner.exec('CREATE EXTENSION IF NOT EXISTS postgis');
        for (const type of [
          'geometry(Polygon,4326)',
          'geometry(Point,4326)',
          'geometry(MultiPolygon,4326)',
          'geometry(LineString)',
          'geography(Point,4326)',
          'geometry',
        ]) {
          const [a, b] = [sampleValue(type, 1)!, sampleValue(type, 2)!];
          const result = await runner.query(`SELECT (${a})::${type}::text <> (${b})::${type}::text AS differ`);
          expect(result.rows, type).toEqual([{ differ: true }]);
        }
      } finally {
        await runner.exec('ROLLBACK');
      }
    });

    it('a deferred mandatory 1:1 both ways still proves every scenario it can build', async () => {
      const { schema, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrOne, { parent: 'head_office', child: 'company' });
      const deferred = updateRelationship(setEnd(schema, relationshipId, 'to', ends.exactlyOne), relationshipId, { isDeferrable: true });
      const report = await runProof(await engine.runner(), deferred);
      expect(report.results.filter((r) => r.verdict === 'failed')).toEqual([]);
    });
  });
});
