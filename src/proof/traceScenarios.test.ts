import { describe, expect, it } from 'vitest';
import { updateRelationship } from '../model/index.ts';
import { aSchema, ends } from '../testing/factories.ts';
import { exampleDocument } from '../testing/example.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { runProof } from './runProof.ts';
import { traceRelationship } from './traceScenarios.ts';

describe('traceRelationship', () => {
  it('plays a 1:1 step by step: rows appear after each insert, the second child is refused and changes nothing', async () => {
    const { schema, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrOne, { parent: 'authors', child: 'passport_info' });
    const trace = await traceRelationship(await testRunner(), schema, relationshipId);
    const second = trace.value!.find((s) => s.kind === 'secondChild')!;
    expect(second.verdict).toBe('passed');
    expect(second.steps.map((s) => [s.role, s.outcome.outcome])).toEqual([
      ['setup', 'accepted'],
      ['setup', 'accepted'],
      ['test', 'rejected'],
    ]);
    const [author, firstPassport, refused] = second.steps;
    expect(author!.why).toBe('Accepted: a sample authors row this scenario needs.');
    expect(author!.tables.map((t) => [t.name, t.rows.length, t.changed])).toEqual([
      ['authors', 1, [0]],
      ['passport_info', 0, []],
    ]);
    expect(firstPassport!.tables.map((t) => t.rows.length)).toEqual([1, 1]);
    expect(refused!.outcome).toMatchObject({ outcome: 'rejected', error: { code: '23505', constraint: 'passport_info_author_id_key' } });
    expect(refused!.why).toBe('Refused with 23505 (unique_violation), as the diagram says: each author has zero or one passport_info.');
    expect(refused!.tables.map((t) => [t.rows.length, t.changed.length, t.removed.length])).toEqual([
      [1, 0, 0],
      [1, 0, 0],
    ]);
    expect(refused!.tables[1]!.columns).toEqual(['id', 'title', 'author_id']);
  });

  it('shows a cascade removing the child and checks it afterwards', async () => {
    const base = aSchema(ends.exactlyOne, ends.zeroOrMany);
    const schema = updateRelationship(base.schema, base.relationshipId, { onDelete: 'cascade' });
    const trace = await traceRelationship(await testRunner(), schema, base.relationshipId);
    const deletion = trace.value!.find((s) => s.kind === 'deleteParent')!;
    const [test, check] = deletion.steps.slice(-2);
    expect(test!.role).toBe('test');
    expect(test!.tables.map((t) => [t.name, t.rows.length, t.removed.length])).toEqual([
      ['authors', 0, 1],
      ['books', 0, 1],
    ]);
    expect(check).toMatchObject({ role: 'check', why: 'Checked that the book is deleted too: it is.', verdict: 'passed' });
    expect(test!.verdict).toBe('passed');
  });

  it('gives the same verdicts as the proof, and leaves nothing behind', async () => {
    const db = await testRunner();
    const { schema } = exampleDocument();
    const report = await runProof(db, schema);
    for (const relationship of schema.relationships) {
      const trace = await traceRelationship(db, schema, relationship.id);
      expect(trace.value!.map((s) => [s.id, s.verdict])).toEqual(
        report.results.filter((r) => r.relationshipId === relationship.id).map((r) => [r.id, r.verdict]),
      );
    }
    const { rows } = await db.query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'erd_proof'");
    expect(rows[0]!.n).toBe(0);
  });

  it('reports model errors instead of running', async () => {
    const { schema, relationshipId } = aSchema(ends.exactlyOne, ends.zeroOrOne);
    const broken = { ...schema, tables: schema.tables.map((t) => ({ ...t, name: '' })) };
    const trace = await traceRelationship(await testRunner(), broken, relationshipId);
    expect(trace.value).toBeUndefined();
    expect(trace.problems.some((p) => p.severity === 'error')).toBe(true);
  });
});
