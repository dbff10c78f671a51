import { describe, expect, it } from 'vitest';
import type { SqlRunner } from '../model/index.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { attemptEach } from './atomicAttempts.ts';

/** The same runner without `execGroups`: what a PostgreSQL server connection offers. */
const oneCallAtATime = ({ exec, query, execEach }: SqlRunner): SqlRunner => ({ exec, query, execEach });

const attempts = [
  ["INSERT INTO t VALUES (1, 'a')"],
  ["INSERT INTO t VALUES (2, 'b')", "INSERT INTO t VALUES (1, 'dup')"], // refused at its second row: its first goes too
  ["INSERT INTO t VALUES (3, 'c')", 'SET CONSTRAINTS ALL IMMEDIATE'],
  ['INSERT INTO t VALUES (4, NULL)'], // refused by NOT NULL
  ["INSERT INTO t VALUES (5, 'e')"],
];

describe.each([
  { way: 'in groups (PGlite)', runner: async () => await testRunner() },
  { way: 'one by one', runner: async () => oneCallAtATime(await testRunner()) },
])('attempts run $way', ({ runner }) => {
  it('keeps each attempt whole or undoes it whole, says why each refused one was, and leaves the transaction usable', async () => {
    const db = await runner();
    await db.exec('BEGIN');
    try {
      await db.exec('CREATE TEMP TABLE t (id integer PRIMARY KEY, label text NOT NULL)');
      const refusals = await attemptEach(db, attempts);
      expect(refusals.map((r) => r?.slice(0, 5))).toEqual([undefined, '23505', undefined, '23502', undefined]);
      const { rows } = await db.query("SELECT string_agg(id::text, ',' ORDER BY id) AS ids FROM t");
      expect(rows[0]!.ids).toBe('1,3,5');
      // Ran entirely from an open transaction, leaving no savepoint of its own behind.
      await expect(db.exec('ROLLBACK TO SAVEPOINT kept_attempts')).rejects.toThrow();
    } finally {
      await db.exec('ROLLBACK');
    }
  });

  it('refuses to start in a transaction already aborted rather than read every attempt as refused', async () => {
    const db = await runner();
    await db.exec('BEGIN');
    try {
      await expect(db.exec('SELECT 1/0')).rejects.toThrow();
      await expect(attemptEach(db, attempts)).rejects.toThrow(/aborted/);
    } finally {
      await db.exec('ROLLBACK');
    }
  });
});
