import { describe, expect, it } from 'vitest';
import { addColumn, editColumn, setEnd, type Schema } from '../model/index.ts';
import { aSchema, ends, tableOf } from '../testing/factories.ts';
import { exampleDocument } from '../testing/example.ts';
import { testPglite, testRunner } from '../testing/testDatabase.ts';
import { runProof, summarize } from './runProof.ts';

const verdicts = async (schema: Schema) => {
  const report = await runProof(await testRunner(), schema);
  return Object.fromEntries(
    report.results.map((r) => [
      r.kind,
      { verdict: r.verdict, actual: r.actual?.outcome === 'rejected' ? r.actual.error.code : r.actual?.outcome },
    ]),
  );
};

describe('runProof', () => {
  it('proves every scenario of the shipped example', async () => {
    const report = await runProof(await testRunner(), exampleDocument().schema);
    expect(summarize(report)).toEqual({ passed: 18, failed: 0, notProvable: 0 });
    const duplicate = report.results.find((r) => r.title === 'A second passport_info for the same author')!;
    expect(duplicate.expected).toEqual({ outcome: 'rejected', code: '23505' });
    expect(duplicate.actual).toMatchObject({ outcome: 'rejected', error: { code: '23505', constraint: 'passport_info_author_id_key' } });
    expect(duplicate.sql.at(-1)).toMatch(/^INSERT INTO passport_info /);
  });

  it('a 1:1 rejects a second child; a 1:N accepts it', async () => {
    const oneToOne = aSchema(ends.exactlyOne, ends.zeroOrOne);
    expect((await verdicts(oneToOne.schema)).secondChild).toEqual({ verdict: 'passed', actual: '23505' });
    const oneToMany = setEnd(oneToOne.schema, oneToOne.relationshipId, 'to', ends.zeroOrMany);
    expect((await verdicts(oneToMany)).secondChild).toEqual({ verdict: 'passed', actual: 'accepted' });
  });

  it('an orphan fails with 23503; a NULL key fails with 23502 only where the parent is mandatory', async () => {
    const mandatory = aSchema(ends.exactlyOne, ends.zeroOrMany);
    const m = await verdicts(mandatory.schema);
    expect(m.orphanChild).toEqual({ verdict: 'passed', actual: '23503' });
    expect(m.nullForeignKey).toEqual({ verdict: 'passed', actual: '23502' });
    const optional = setEnd(mandatory.schema, mandatory.relationshipId, 'from', ends.zeroOrOne);
    expect((await verdicts(optional)).nullForeignKey).toEqual({ verdict: 'passed', actual: 'accepted' });
  });

  it('reports a failure when the columns contradict the drawing', async () => {
    const { schema, childId, relationshipId } = aSchema(ends.zeroOrOne, ends.zeroOrMany);
    const fk = tableOf(schema, childId).columns.at(-1)!;
    const contradicted = editColumn(schema, childId, fk.id, { isNotNull: true });
    expect(contradicted.relationships[0]!.id).toBe(relationshipId);
    expect((await verdicts(contradicted)).nullForeignKey).toEqual({ verdict: 'failed', actual: '23502' });
  });

  it('fills unrelated NOT NULL columns and grandparents so a scenario fails only for its own reason', async () => {
    const chain = aSchema(ends.exactlyOne, ends.zeroOrMany, { parent: 'publishers', child: 'authors' });
    let schema = addColumn(chain.schema, chain.childId, { name: 'born', type: 'date', isNotNull: true }).schema;
    schema = addColumn(schema, chain.childId, { name: 'email', type: 'varchar(3)', isNotNull: true, isUnique: true }).schema;
    const { schema: withBooks } = await import('../testing/factories.ts').then((f) =>
      f.withTable(schema, 'books', { name: 'ref', type: 'uuid', isNotNull: true }),
    );
    const books = withBooks.tables.at(-1)!;
    const { connect } = await import('../model/index.ts');
    const full = connect(withBooks, chain.childId, books.id).schema;
    const report = await runProof(await testRunner(), full);
    expect(report.results.map((r) => r.verdict)).toEqual(Array(12).fill('passed'));
  });

  it('calls a scenario not provable, never failed, when no valid sample row can be built', async () => {
    const { schema, childId } = aSchema();
    const odd = addColumn(schema, childId, { name: 'spot', type: 'circle', isNotNull: true }).schema;
    const report = await runProof(await testRunner(), odd);
    expect(report.results.every((r) => r.verdict === 'notProvable')).toBe(true);
    expect(report.results[0]!.reason).toMatch(/"books"."spot" of type circle/);
  });

  it('reports the statement PostgreSQL refused', async () => {
    const { schema, childId } = aSchema();
    const bad = editColumn(schema, childId, tableOf(schema, childId).columns[1]!.id, { type: 'no_such_type' });
    const report = await runProof(await testRunner(), bad);
    expect(report.ddlError?.error.code).toBe('42704');
    expect(report.ddlError?.statement.tableId).toBe(childId);
  });

  it('leaves nothing behind', async () => {
    await runProof(await testRunner(), exampleDocument().schema);
    const pg = await testPglite();
    const left = await pg.query(
      "select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('public', 'erd_proof')",
    );
    expect(left.rows[0]).toEqual({ n: 0 });
    expect((await pg.query("select count(*)::int as n from pg_namespace where nspname = 'erd_proof'")).rows[0]).toEqual({ n: 0 });
  });
});

describe('honest rows for tricky keys', () => {
  it('an identifying key gets its parent row built, down a chain', async () => {
    const { setIdentifying, connect } = await import('../model/index.ts');
    const { withTable } = await import('../testing/factories.ts');
    const base = aSchema();
    const reviews = withTable(setIdentifying(base.schema, base.relationshipId, true), 'reviews');
    const schema = connect(reviews.schema, base.childId, reviews.tableId).schema;
    const report = await runProof(await testRunner(), schema);
    expect(report.results.filter((r) => r.verdict !== 'passed')).toEqual([]);
  });

  it('key columns named like PL/pgSQL variables (new, found) work in the mandatory-child triggers', async () => {
    const { renameTable } = await import('../model/index.ts');
    const base = aSchema(ends.exactlyOne, ends.oneOrMany);
    let schema = editColumn(base.schema, base.parentId, tableOf(base.schema, base.parentId).columns[0]!.id, { name: 'new' });
    schema = editColumn(schema, base.childId, tableOf(schema, base.childId).columns[2]!.id, { name: 'found' });
    schema = renameTable(schema, base.childId, 'tg_op');
    const report = await runProof(await testRunner(), schema);
    expect(report.ddlError).toBeUndefined();
    expect(report.results.filter((r) => r.verdict !== 'passed').map((r) => [r.title, r.reason, r.actual])).toEqual([]);
  });
});
