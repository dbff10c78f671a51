import { describeRelationship, type Problem, type Relationship, type RelationshipId, type ResolvedRelationship, type Table, type TableId } from '../model/index.ts';
import type { EditorState } from './editorStore.ts';
import { selectLint, selectResolved } from './selectors.ts';

/*
 * Lookups by id, built once per schema (or per lint result). Every node and edge on the canvas runs
 * its selectors on every store update (a keystroke, each step of a drag): with 500 tables and 600
 * relationships, a linear search or a filter in each of them adds up to more than a frame.
 */

/** Memoizes `build` on the value `source` returns, so it reruns only when that value changes. */
function perSource<S, T>(source: (s: EditorState) => S, build: (value: S, s: EditorState) => T): (s: EditorState) => T {
  let last: { value: S; result: T } | undefined;
  return (s) => {
    const value = source(s);
    if (last?.value !== value) last = { value, result: build(value, s) };
    return last.result;
  };
}

const schemaOf = (s: EditorState) => s.document.schema;
const tables = perSource(schemaOf, (schema) => new Map<TableId, Table>(schema.tables.map((t) => [t.id, t])));
const relationships = perSource(schemaOf, (schema) => new Map<RelationshipId, Relationship>(schema.relationships.map((r) => [r.id, r])));
const resolved = perSource(selectResolved, (all) => new Map<RelationshipId, ResolvedRelationship>(all.map((r) => [r.relationship.id, r])));
const descriptions = perSource(schemaOf, () => new Map<RelationshipId, string>());
const isSameProblem = (a: Problem, b: Problem) =>
  a.severity === b.severity && a.message === b.message && a.tableId === b.tableId && a.columnId === b.columnId && a.relationshipId === b.relationshipId;
let previousByOwner = new Map<string, Problem[]>();
const problemsByOwner = perSource(selectLint, (lint) => {
  const byOwner = new Map<string, Problem[]>();
  for (const p of lint) {
    const owner = p.relationshipId ?? (p.tableId ? `table:${p.tableId}` : null);
    if (!owner) continue;
    const list = byOwner.get(owner);
    if (list) list.push(p);
    else byOwner.set(owner, [p]);
  }
  // Each relint makes new problem objects: an owner whose problems read the same keeps its old array, so a keystroke re-renders no node or edge whose problems did not change.
  for (const [owner, list] of byOwner) {
    const old = previousByOwner.get(owner);
    if (old?.length === list.length && old.every((p, i) => isSameProblem(p, list[i]!))) byOwner.set(owner, old);
  }
  previousByOwner = byOwner;
  return byOwner;
});
const noProblems: Problem[] = [];

/** One table by id, in constant time. */
export const selectTableById = (tableId: TableId) => (s: EditorState) => tables(s).get(tableId);

/** One relationship by id, in constant time. */
export const selectRelationshipById = (id: RelationshipId) => (s: EditorState) => relationships(s).get(id);

/** One relationship resolved (its tables and key columns), in constant time. */
export const selectResolvedById = (id: RelationshipId) => (s: EditorState) => resolved(s).get(id);

/** A relationship in words, worked out once per schema: "each author has zero or many books". */
export const selectDescriptionById = (id: RelationshipId) => (s: EditorState) => {
  const cache = descriptions(s);
  let text = cache.get(id);
  if (text === undefined) {
    const relationship = relationships(s).get(id);
    text = relationship ? describeRelationship(s.document.schema, relationship) : '';
    cache.set(id, text);
  }
  return text;
};

/** The problems about a table (or its columns): the same array until the lint result changes. */
export const selectTableProblemsById = (tableId: TableId) => (s: EditorState) => problemsByOwner(s).get(`table:${tableId}`) ?? noProblems;

/** The problems about one relationship: the same array until the lint result changes. */
export const selectRelationshipProblemsById = (id: RelationshipId) => (s: EditorState) => problemsByOwner(s).get(id) ?? noProblems;
