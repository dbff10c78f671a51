import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deleteRelationship,
  editColumn,
  renameTable,
  setEnd,
  updateRelationship,
  type Cardinality,
  type Schema,
  type SqlRunner,
} from '../model/index.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { propertyRuns, propertyTimeout } from '../testing/propertyRuns.ts';
import { largeSchema } from '../../scripts/largeSchema.ts';
import { proveChanged } from './incrementalProof.ts';
import { mergeProofResults } from './mergeProofResults.ts';
import type { ScenarioResult } from './scenario.ts';

const runs = propertyRuns(4);

type Edit = (s: Schema) => Schema;
const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(1, items.length)];
const endArb = fc.constantFrom<Cardinality>({ min: 1, max: 1 }, { min: 0, max: 1 }, { min: 1, max: 'many' }, { min: 0, max: 'many' });
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc
    .tuple(fc.nat(), fc.constantFrom('cascade', 'set null', 'restrict', 'no action') as fc.Arbitrary<'cascade'>)
    .map(([n, action]): Edit => (s) => {
      const r = pick(s.relationships, n);
      return r ? updateRelationship(s, r.id, { onDelete: action }) : s;
    }),
  fc.tuple(fc.nat(), fc.constantFrom('from', 'to') as fc.Arbitrary<'from'>, endArb).map(([n, side, end]): Edit => (s) => {
    const r = pick(s.relationships, n);
    return r ? setEnd(s, r.id, side, end) : s;
  }),
  fc.nat().map((n): Edit => (s) => {
    const t = pick(s.tables, n)!;
    return renameTable(s, t.id, `${t.name}_x`);
  }),
  fc.nat().map((n): Edit => (s) => {
    const t = pick(s.tables, n)!;
    const c = t.columns.find((x) => x.name === 'created_at');
    return c ? editColumn(s, t.id, c.id, { isNotNull: !c.isNotNull }) : s;
  }),
  fc.nat().map((n): Edit => (s) => {
    const r = pick(s.relationships, n);
    return r ? deleteRelationship(s, r.id) : s;
  }),
);

/** Results as compared: PostgreSQL's error details quote the row, whose now() differs between runs. */
const comparable = (results: readonly ScenarioResult[]) =>
  JSON.parse(JSON.stringify(results).replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[.\d]*\+00/g, 'now')) as unknown;

describe('incremental proofs', () => {
  let db: SqlRunner;
  beforeAll(async () => {
    db = await testRunner();
  });

  it(
    'after any sequence of edits, kept and re-proved results equal a full proof of the schema',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), fc.array(editArb, { minLength: 1, maxLength: 3 }), async (seed, edits) => {
          let schema = largeSchema(9, 11, seed);
          let proof = await proveChanged(db, schema);
          let results = proof.results;
          for (const edit of edits) {
            schema = edit(schema);
            const next = await proveChanged(db, schema, { known: proof.fingerprints });
            results = next.fingerprints ? mergeProofResults(schema, results, next.results, next.proved) : [];
            proof = next;
            const full = await proveChanged(db, schema);
            expect(comparable(results)).toEqual(comparable(full.results));
            expect(next.proved.length).toBeLessThanOrEqual(schema.relationships.length);
          }
        }),
        { numRuns: runs },
      );
    },
    propertyTimeout(runs, 20_000),
  );
});
