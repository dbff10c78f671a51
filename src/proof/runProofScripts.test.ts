import { afterAll, describe, expect, it } from 'vitest';
import { editColumn, parseSql, updateTableFields, type SqlRunner } from '../model/index.ts';
import { aCheck, aSchema, tableOf } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { exampleDocument } from '../testing/example.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { runProof } from './runProof.ts';

/** A shared server gets its own schema, so test files running at once never meet in `erd_proof`. */
const optionsFor = (name: string) => ({ schemaName: name === 'PGlite' ? null : 'erd_proof_scripts_test' });

describe.each(engines)('runProof reports on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    it('names the DDL statement PostgreSQL refused, with the error as that statement alone raises it', async () => {
      const { schema, childId } = aSchema();
      const title = tableOf(schema, childId).columns[1]!;
      const bad = editColumn(schema, childId, title.id, { type: 'no_such_type' });
      const report = await runProof(await engine.runner(), bad, optionsFor(engine.name));
      expect(report.results).toEqual([]);
      expect(report.ddlError?.statement).toMatchObject({ kind: 'createTable', tableId: childId });
      expect(report.ddlError?.error).toMatchObject({ code: '42704', position: report.ddlError!.statement.sql.indexOf('no_such_type') + 1 });
    });

    it('calls a scenario not provable when a sample row is refused while setting up, in PostgreSQL words naming the table', async () => {
      const { schema, parentId } = aSchema();
      const unmeetable = updateTableFields(schema, parentId, { checks: [aCheck({ name: 'never', expression: 'id < 0' })] });
      const report = await runProof(await engine.runner(), unmeetable, optionsFor(engine.name));
      const refused = report.results.filter((r) => r.reason?.startsWith('a sample row was refused while setting up'));
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) {
        expect(r).toMatchObject({ verdict: 'notProvable', actual: null });
        expect(r.reason).toMatch(
          /^a sample row was refused while setting up \(23514: new row for relation "authors" violates check constraint "never"\)$/,
        );
      }
    });
  });
});

describe('runProof one statement per message', () => {
  it('sends every statement in a call of its own, as PostgreSQL splits them', async () => {
    const db = await testRunner();
    const sent: string[] = [];
    const recording: SqlRunner = {
      exec: (sql) => (sent.push(sql), db.exec(sql)),
      query: (sql) => (sent.push(sql), db.query(sql)),
      execEach: (statements) => (sent.push(...statements), db.execEach(statements)),
    };
    const report = await runProof(recording, exampleDocument().schema);
    expect(report.results.length).toBeGreaterThan(0);
    const counts = sent.map((sql) => {
      const parsed = parseSql(sql);
      return 'error' in parsed ? -1 : parsed.statements.length;
    });
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    expect(sent[0]).toBe('BEGIN');
    expect(sent.at(-1)).toBe('ROLLBACK');
  });
});
