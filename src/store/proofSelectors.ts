import { memoize, type RelationshipId } from '../model/index.ts';
import { summarize, type ProofReport, type ScenarioResult } from '../proof/index.ts';
import type { EditorState } from './editorStore.ts';

/*
 * Views of the latest proof report, built once per report: a whole-document report holds thousands of
 * scenarios, and the Proof tab, its label and every scenario list read it on every store update.
 */

interface ReportIndex {
  byRelationship: Map<RelationshipId, ScenarioResult[]>;
  relationshipIds: RelationshipId[];
  counts: ReturnType<typeof summarize>;
}

const noResults: ScenarioResult[] = [];
const noIds: RelationshipId[] = [];

const sameItems = <T>(a: readonly T[] | undefined, b: readonly T[]): a is T[] =>
  a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

let lastIndex: ReportIndex | null = null;

/**
 * The index of a report. Lists equal item for item to the previous report's (the same result objects:
 * a proof of what changed keeps the others') are the previous arrays, so the Proof tab's lists of
 * relationships that did not change do not redraw as each chunk of results arrives.
 */
const indexOf = memoize((report: ProofReport): ReportIndex => {
  const byRelationship = new Map<RelationshipId, ScenarioResult[]>();
  for (const result of report.results) {
    const list = byRelationship.get(result.relationshipId);
    if (list) list.push(result);
    else byRelationship.set(result.relationshipId, [result]);
  }
  for (const [id, list] of byRelationship) {
    const old = lastIndex?.byRelationship.get(id);
    if (sameItems(old, list)) byRelationship.set(id, old);
  }
  const ids = [...byRelationship.keys()];
  const relationshipIds = sameItems(lastIndex?.relationshipIds, ids) ? lastIndex.relationshipIds : ids;
  lastIndex = { byRelationship, relationshipIds, counts: summarize(report) };
  return lastIndex;
});

/** The relationships the latest report has scenarios for, in report order: the same array until a new report. */
export const selectProvedRelationshipIds = (s: EditorState): RelationshipId[] =>
  s.proofReport ? indexOf(s.proofReport).relationshipIds : noIds;

/** One relationship's scenario results in the latest report: the same array until a new report. */
export const selectScenariosOf =
  (id: RelationshipId) =>
  (s: EditorState): ScenarioResult[] =>
    (s.proofReport ? indexOf(s.proofReport).byRelationship.get(id) : undefined) ?? noResults;

/** How many scenarios passed, failed and were not provable in the latest report, or null before the first. */
export const selectProofCounts = (s: EditorState): ReturnType<typeof summarize> | null =>
  s.proofReport ? indexOf(s.proofReport).counts : null;

/**
 * The relationship the Proof tab shows alone, or null for all: a focus on a relationship the document no
 * longer has (deleted, undone, replaced by a remote edit) is ignored, so the tab never shows an empty list.
 */
export const selectProofFocus = (s: EditorState): RelationshipId | null =>
  s.proofFocus && s.document.schema.relationships.some((r) => r.id === s.proofFocus) ? s.proofFocus : null;
