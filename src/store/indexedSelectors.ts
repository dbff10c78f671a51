import {
  describeRelationship,
  memoize,
  type Problem,
  type Relationship,
  type RelationshipId,
  type ResolvedRelationship,
  type Schema,
  type Table,
  type TableId,
} from '../model/index.ts';
import type { EditorState } from './editorStore.ts';
import { keepEqual } from './keepEqual.ts';
import { selectLint, selectResolved } from './selectors.ts';

/*
 * Lookups by id, built once per schema (or per lint result). Every node and edge on the canvas runs
 * its selectors on every store update (a keystroke, each step of a drag): with 500 tables and 600
 * relationships, a linear search or a filter in each of them adds up to more than a frame.
 */

const tablesOf = memoize((schema: Schema) => new Map<TableId, Table>(schema.tables.map((t) => [t.id, t])));
const relationshipsOf = memoize((schema: Schema) => new Map<RelationshipId, Relationship>(schema.relationships.map((r) => [r.id, r])));
const resolvedByIdOf = memoize(
  (all: ResolvedRelationship[]) => new Map<RelationshipId, ResolvedRelationship>(all.map((r) => [r.relationship.id, r])),
);
/** Each relationship described once per schema, when first asked for. */
const descriptionsOf = memoize((_schema: Schema) => new Map<RelationshipId, string>());
const isSameProblem = (a: Problem, b: Problem) =>
  a.severity === b.severity &&
  a.message === b.message &&
  a.tableId === b.tableId &&
  a.columnId === b.columnId &&
  a.relationshipId === b.relationshipId;
let previousByOwner = new Map<string, readonly Problem[]>();
const problemsByOwnerOf = memoize((lint: Problem[]) => {
  const byOwner = new Map<string, Problem[]>();
  for (const p of lint) {
    const owner = p.relationshipId ?? (p.tableId ? `table:${p.tableId}` : null);
    if (!owner) continue;
    const list = byOwner.get(owner);
    if (list) list.push(p);
    else byOwner.set(owner, [p]);
  }
  // Each relint makes new problem objects: an owner whose problems read the same keeps its old array, so a keystroke re-renders no node or edge whose problems did not change.
  const kept = new Map([...byOwner].map(([owner, list]) => [owner, keepEqual(previousByOwner.get(owner), list, isSameProblem)]));
  previousByOwner = kept;
  return kept;
});
const noProblems: readonly Problem[] = [];

/** One table by id, in constant time. */
export const selectTableById = (tableId: TableId) => (s: EditorState) => tablesOf(s.document.schema).get(tableId);

/** One relationship by id, in constant time. */
export const selectRelationshipById = (id: RelationshipId) => (s: EditorState) => relationshipsOf(s.document.schema).get(id);

/** One relationship resolved (its tables and key columns), in constant time. */
export const selectResolvedById = (id: RelationshipId) => (s: EditorState) => resolvedByIdOf(selectResolved(s)).get(id);

/** A relationship in words, worked out once per schema: "each author has zero or many books". */
export const selectDescriptionById = (id: RelationshipId) => (s: EditorState) => {
  const cache = descriptionsOf(s.document.schema);
  let text = cache.get(id);
  if (text === undefined) {
    const relationship = relationshipsOf(s.document.schema).get(id);
    text = relationship ? describeRelationship(s.document.schema, relationship) : '';
    cache.set(id, text);
  }
  return text;
};

/** The problems about a table (or its columns): the same array until the lint result changes. */
export const selectTableProblemsById = (tableId: TableId) => (s: EditorState) =>
  problemsByOwnerOf(selectLint(s)).get(`table:${tableId}`) ?? noProblems;

/** The problems about one relationship: the same array until the lint result changes. */
export const selectRelationshipProblemsById = (id: RelationshipId) => (s: EditorState) =>
  problemsByOwnerOf(selectLint(s)).get(id) ?? noProblems;
