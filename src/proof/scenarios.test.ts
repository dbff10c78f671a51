import { afterAll, describe, expect, it } from 'vitest';
import { editColumn, setOneToOneStrategy, updateRelationship, type ReferentialAction, type Schema } from '../model/index.ts';
import { aSchema, ends, tableOf } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { runProof } from './runProof.ts';

/** Each scenario's verdict and what PostgreSQL answered (a SQLSTATE or "accepted"), by scenario id suffix. */
async function outcomes(runner: Parameters<typeof runProof>[0], schema: Schema) {
  const report = await runProof(runner, schema);
  expect(report.ddlError).toBeUndefined();
  return Object.fromEntries(
    report.results.map((r) => [
      r.id.slice(r.id.indexOf(':') + 1),
      { verdict: r.verdict, got: r.actual?.outcome === 'rejected' ? r.actual.error.code : (r.actual?.outcome ?? r.reason) },
    ]),
  );
}

const passed = (got: string) => ({ verdict: 'passed', got });

const withActions = (onDelete: ReferentialAction, onUpdate: ReferentialAction) => {
  const base = aSchema(ends.zeroOrOne, ends.zeroOrMany);
  let schema = updateRelationship(base.schema, base.relationshipId, { onDelete, onUpdate });
  if (onDelete === 'set default')
    schema = editColumn(schema, base.childId, tableOf(schema, base.childId).columns[2]!.id, { defaultValue: '0' });
  return schema;
};

describe.each(engines)('every scenario kind on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    it('1:N with a mandatory parent: valid, second child, orphan, NULL key', async () => {
      const o = await outcomes(await engine.runner(), aSchema(ends.exactlyOne, ends.zeroOrMany).schema);
      expect(o).toMatchObject({
        validChild: passed('accepted'),
        secondChild: passed('accepted'),
        orphanChild: passed('23503'),
        nullForeignKey: passed('23502'),
      });
    });

    it('1:1: a second child is a unique violation; an optional parent allows a NULL key', async () => {
      const o = await outcomes(await engine.runner(), aSchema(ends.zeroOrOne, ends.zeroOrOne).schema);
      expect(o).toMatchObject({ secondChild: passed('23505'), nullForeignKey: passed('accepted') });
    });

    it('shared primary key: orphan and second dependent', async () => {
      const base = aSchema(ends.exactlyOne, ends.zeroOrOne, { parent: 'country', child: 'capital' });
      const o = await outcomes(await engine.runner(), setOneToOneStrategy(base.schema, base.relationshipId, 'sharedPrimaryKey'));
      expect(o).toMatchObject({ orphanChild: passed('23503'), secondChild: passed('23505'), nullForeignKey: passed('23502') });
    });

    it('a parent committed without its mandatory child: "one or many", and mandatory on both sides', async () => {
      const oneOrMany = await outcomes(await engine.runner(), aSchema(ends.exactlyOne, ends.oneOrMany).schema);
      expect(oneOrMany).toMatchObject({ parentWithoutChild: passed('23503'), validChild: passed('accepted') });
      const both = await outcomes(
        await engine.runner(),
        aSchema(ends.exactlyOne, ends.exactlyOne, { parent: 'country', child: 'capital' }).schema,
      );
      expect(both).toMatchObject({ parentWithoutChild: passed('23503'), secondChild: passed('23505') });
    });

    it('M:N: the same pair twice, an orphan pair, a mandatory end', async () => {
      const o = await outcomes(
        await engine.runner(),
        aSchema(ends.zeroOrMany, ends.oneOrMany, { parent: 'students', child: 'courses' }).schema,
      );
      expect(o).toMatchObject({
        validChild: passed('accepted'),
        secondChild: passed('23505'),
        orphanChild: passed('23503'),
        'parentWithoutChild:from': passed('23503'),
      });
    });

    it('ON DELETE / ON UPDATE CASCADE remove and re-key the child', async () => {
      const o = await outcomes(await engine.runner(), withActions('cascade', 'cascade'));
      expect(o).toMatchObject({ deleteParent: passed('accepted'), updateParentKey: passed('accepted') });
    });

    it('RESTRICT and NO ACTION refuse', async () => {
      const restrict = await outcomes(await engine.runner(), withActions('restrict', 'restrict'));
      expect(restrict.deleteParent!.verdict).toBe('passed');
      expect(['23503', '23001']).toContain(restrict.deleteParent!.got);
      const noAction = await outcomes(await engine.runner(), withActions('no action', 'no action'));
      expect(noAction).toMatchObject({ deleteParent: passed('23503'), updateParentKey: passed('23503') });
    });

    it('SET NULL and SET DEFAULT leave the key as promised', async () => {
      const setNull = await outcomes(await engine.runner(), withActions('set null', 'set null'));
      expect(setNull).toMatchObject({ deleteParent: passed('accepted'), updateParentKey: passed('accepted') });
      const setDefault = await outcomes(await engine.runner(), withActions('set default', 'cascade'));
      expect(setDefault).toMatchObject({ deleteParent: passed('accepted') });
    });

    it('an accepted statement whose effect is wrong fails the scenario (DDL tampered: CASCADE became SET NULL)', async () => {
      const runner = await engine.runner();
      const tamper = (sql: string) => sql.replace('ON DELETE CASCADE', 'ON DELETE SET NULL');
      const tampered = {
        ...runner,
        exec: (sql: string) => runner.exec(tamper(sql)),
        execEach: (statements: readonly string[]) => runner.execEach(statements.map(tamper)),
      };
      const report = await runProof(tampered, withActions('cascade', 'cascade'));
      const cascade = report.results.find((r) => r.kind === 'deleteParent')!;
      expect(cascade).toMatchObject({
        verdict: 'failed',
        actual: { outcome: 'accepted' },
        reason: 'expected the book is deleted too, but it was not',
      });
      expect(cascade.sql.at(-1)).toMatch(/^SELECT NOT EXISTS/);
    });
  });
});
