import type { RelationshipId, Schema, SqlRunner, TableId } from '../model/index.ts';
import type { Statement } from '../ddl/index.ts';
import { buildScenarios } from './buildScenarios.ts';
import { fitSamples } from './fitSamples.ts';
import { proofFingerprints, proofParents, tablesProvedWith, type ProofFingerprints } from './proofFingerprints.ts';
import type { ProofOptions, ProofReport } from './runProof.ts';
import { runScenarios } from './runScenarios.ts';
import { withSchemaLoaded } from './scratchSchema.ts';
import { closeOverParents, endsOf } from './statementOwners.ts';

/** A proof of the relationships whose fingerprints changed: their results, and every relationship's fingerprint now. */
export interface IncrementalProofReport extends ProofReport {
  /** The fingerprints the schema's results stand on, or null when nothing could be proved (a model error, a refused statement). */
  fingerprints: ProofFingerprints | null;
  /** The relationships this run proved (its `results` are theirs); every other keeps its earlier results. */
  proved: RelationshipId[];
}

/** What an incremental proof is told: the fingerprints the caller's results were proved against, and who hears of its start. */
export interface IncrementalOptions extends ProofOptions {
  /** Null (or absent) proves every relationship. */
  known?: ProofFingerprints | null;
  /** Called once the relationships to prove are known, before any is proved. */
  onPlan?: (proved: RelationshipId[]) => void;
}

/** Which relationships to prove again and which tables to build for them, from old and new fingerprints. */
export interface ProofPlan {
  proved: RelationshipId[];
  /** The tables built: those the proved relationships need, and every table whose own statements changed. */
  tableIds: ReadonlySet<TableId> | 'all';
}

/** The plan for proving `schema` when results stand on `known`: a relationship is proved again only if its fingerprint changed. */
export function planProof(schema: Schema, now: ProofFingerprints, known: ProofFingerprints | null | undefined): ProofPlan {
  const proved = schema.relationships.filter((r) => !known || known.relationships[r.id] !== now.relationships[r.id]).map((r) => r.id);
  if (!known || now.buildsWhole || proved.length === schema.relationships.length) return { proved, tableIds: 'all' };
  const parents = proofParents(schema);
  const tableIds = new Set(schema.tables.filter((t) => known.tables[t.id] !== now.tables[t.id]).map((t) => t.id));
  closeOverParents(tableIds, parents);
  const provedIds = new Set(proved);
  for (const r of schema.relationships) if (provedIds.has(r.id)) for (const t of tablesProvedWith(r, parents)) tableIds.add(t);
  return { proved, tableIds };
}

/** The statements that build the plan's tables: theirs, those of relationships between two of them, and the schema-wide ones. */
export function statementsForPlan(statements: readonly Statement[], schema: Schema, plan: ProofPlan): readonly Statement[] {
  const { tableIds } = plan;
  if (tableIds === 'all') return statements;
  const ends = new Map(schema.relationships.map((r) => [r.id, endsOf(r)]));
  return statements.filter((s) => {
    if (s.relationshipId) return (ends.get(s.relationshipId) ?? []).every((t) => tableIds.has(t));
    return s.tableId ? tableIds.has(s.tableId) : true;
  });
}

/**
 * Proves only what changed since the results `known` stands for: each relationship whose fingerprint
 * differs, in a transaction that builds just the tables those need (plus any table whose own statements
 * changed). Its results equal a full proof's for those relationships; the caller keeps the others' (`mergeProofResults`).
 */
export async function proveChanged(db: SqlRunner, drawn: Schema, options: IncrementalOptions = {}): Promise<IncrementalProofReport> {
  let fingerprints: ProofFingerprints | null = null;
  let plan: ProofPlan | null = null;
  const loaded = await withSchemaLoaded(
    db,
    drawn,
    async (statements, schema) => {
      const { proved, tableIds } = plan!;
      options.onPlan?.(proved);
      if (proved.length === 0) return [];
      const fitted = await fitSamples(db, schema, tableIds === 'all' ? undefined : tableIds);
      await db.exec('SAVEPOINT scenario');
      return runScenarios(db, buildScenarios(schema, statements, fitted, { only: new Set(proved) }), options.onResults);
    },
    {
      ...options,
      only: (statements) => {
        fingerprints = proofFingerprints(drawn, statements);
        plan = planProof(drawn, fingerprints, options.known);
        return statementsForPlan(statements, drawn, plan);
      },
    },
  );
  const proved = loaded.value ? plan!.proved : [];
  return {
    problems: loaded.problems,
    ...(loaded.ddlError ? { ddlError: loaded.ddlError } : {}),
    results: loaded.value ?? [],
    fingerprints: loaded.value ? fingerprints : null,
    proved,
  };
}
