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

const indexOf = memoize((report: ProofReport): ReportIndex => {
  const byRelationship = new Map<RelationshipId, ScenarioResult[]>();
  for (const result of report.results) {
    const list = byRelationship.get(result.relationshipId);
    if (list) list.push(result);
    else byRelationship.set(result.relationshipId, [result]);
  }
  return { byRelationship, relationshipIds: [...byRelationship.keys()], counts: summarize(report) };
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
