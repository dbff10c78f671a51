import {
  findRelationship,
  findTable,
  foreignKeysOf,
  isEffectivelyNotNull,
  lintSchema,
  memoize,
  validateSchema,
  resolveAll,
  uniqueByRelationship,
  type Problem,
  type RelationshipId,
  type ResolvedRelationship,
  type Schema,
  type TableId,
} from '../model/index.ts';
import { generateDdl, type DdlOptions, type DdlResult } from '../ddl/index.ts';
import { relationshipVerdicts, type ProofReport, type RelationshipVerdict } from '../proof/index.ts';
import type { EditorState } from './editorStore.ts';
import { keepEqual } from './keepEqual.ts';

/** The schema (changes on edits, never on drags). */
export const selectSchema = (s: EditorState) => s.document.schema;

/** One table by id, for a TableNode that re-renders only when its own table changes. */
export const selectTable = (tableId: TableId) => (s: EditorState) => findTable(s.document.schema, tableId);

/** One relationship by id. */
export const selectRelationship = (id: RelationshipId) => (s: EditorState) => findRelationship(s.document.schema, id);

/** A schema's DDL with default options, computed once per schema object (panels reading a deferred schema share it). */
export const ddlOf: (schema: Schema) => DdlResult = memoize((schema: Schema) => generateDdl(schema));

/**
 * The problems that block or qualify the DDL (what `generateDdl` reports with default options), once
 * per schema object: the inspector shows them without generating the whole schema's DDL on each keystroke.
 */
export const validationOf: (schema: Schema) => Problem[] = memoize(validateSchema);

/** The DDL of the current schema, as the proofs run it (default options): also the source of model errors. */
export const selectDdl = (s: EditorState): DdlResult => ddlOf(s.document.schema);

const formattedDdlOf = memoize((schema: Schema, options: DdlOptions) => generateDdl(schema, options));

/** The DDL formatted with the user's options, for the DDL panel, copy and download. */
export const selectFormattedDdl = (s: EditorState): DdlResult => formattedDdlOf(s.document.schema, s.ddlOptions);

const lintOf = memoize((schema: Schema) => lintSchema(schema, validationOf(schema)));

/** Every problem and piece of advice about the schema (validation and design checks). */
export const selectLint = (s: EditorState): Problem[] => lintOf(s.document.schema);

/** One line per problem about a table (or its columns), for the badge on its node. */
export const selectTableProblems = (tableId: TableId) => (s: EditorState) =>
  selectLint(s).filter((p) => p.tableId === tableId && !p.relationshipId);

/** The problems about one relationship. */
export const selectRelationshipProblems = (id: RelationshipId) => (s: EditorState) => selectLint(s).filter((p) => p.relationshipId === id);

/** Every relationship resolved, for FK badges and edge anchors (the model resolves each schema once). */
export const selectResolved = (s: EditorState): ResolvedRelationship[] => resolveAll(s.document.schema);

/** Per column of a table: where it points (`authors.id`, or ''), whether it is effectively NOT NULL, and whether a 1:1 makes it UNIQUE. */
export interface ColumnFacts {
  references: string;
  isNotNull: boolean;
  /** The DDL makes it UNIQUE for a one-to-one (FK + UNIQUE) though the column's own UNIQUE is not ticked. */
  isUniqueByRelationship: boolean;
}

/** Whether two columns' facts read the same: the canvas and the inspector then keep the old object. */
const isSameColumnFacts = (a: ColumnFacts, b: ColumnFacts) =>
  a.references === b.references && a.isNotNull === b.isNotNull && a.isUniqueByRelationship === b.isUniqueByRelationship;

/** The facts of a column the schema does not have (yet): nothing to show. */
export const noColumnFacts: ColumnFacts = { references: '', isNotNull: false, isUniqueByRelationship: false };

/** The facts of every table's columns, keeping the objects of the previous schema's facts that read the same. */
let previousFacts = new Map<TableId, readonly ColumnFacts[]>();
const columnFactsOf = memoize((schema: Schema) => {
  const resolved = resolveAll(schema);
  const uniqueColumns = uniqueByRelationship(resolved);
  const facts = new Map<TableId, readonly ColumnFacts[]>();
  for (const table of schema.tables) {
    const foreignKeys = foreignKeysOf(table.id, resolved);
    const tableFacts = table.columns.map((column): ColumnFacts => {
      const fk = foreignKeys.find((f) => f.columns.some((c) => c.id === column.id));
      const i = fk ? fk.columns.findIndex((c) => c.id === column.id) : -1;
      return {
        references: fk ? `${fk.parent.name}.${fk.parentColumns[i]?.name ?? '?'}` : '',
        isNotNull: isEffectivelyNotNull(column, resolved),
        isUniqueByRelationship: uniqueColumns.has(column.id),
      };
    });
    facts.set(table.id, keepEqual(previousFacts.get(table.id), tableFacts, isSameColumnFacts));
  }
  previousFacts = facts;
  return facts;
});

/** The facts of a table that is gone (React Flow may still draw its node once): one array, so the selector's answer is stable. */
const noFacts: readonly ColumnFacts[] = [];

/** A table's column facts, in column order: the same array (and objects) while they read the same, so only changed tables re-render. */
export const selectColumnFacts =
  (tableId: TableId) =>
  (s: EditorState): readonly ColumnFacts[] =>
    columnFactsOf(s.document.schema).get(tableId) ?? noFacts;

/** The facts of a table's column at `index`: the same object while they read the same. */
export const selectColumnFactsAt =
  (tableId: TableId, index: number) =>
  (s: EditorState): ColumnFacts =>
    selectColumnFacts(tableId)(s)[index] ?? noColumnFacts;

let lastVerdicts = new Map<RelationshipId, RelationshipVerdict>();
/**
 * Verdicts per report, each relationship's object kept from the previous report while its counts are the
 * same: a proof's results arrive in chunks, and a badge whose verdict did not change must not redraw for each.
 */
const verdictsOf = memoize((report: ProofReport) => {
  const next = relationshipVerdicts(report);
  for (const [id, v] of next) {
    const old = lastVerdicts.get(id);
    if (old && old.verdict === v.verdict && old.passed === v.passed && old.failed === v.failed && old.notProvable === v.notProvable)
      next.set(id, old);
  }
  lastVerdicts = next;
  return next;
});

/** Whether the proof shown is of the current schema; false while PostgreSQL starts, proves, or the schema changed since. */
export const selectIsProofCurrent = (s: EditorState) => s.proofStatus === 'ready' && s.provedSchema === s.document.schema;

/** One relationship's verdict in the latest report (a stable object per report), or undefined when it has no scenarios. */
export const selectRelationshipVerdict =
  (id: RelationshipId) =>
  (s: EditorState): RelationshipVerdict | undefined => {
    return s.proofReport ? verdictsOf(s.proofReport).get(id) : undefined;
  };

/** Whether a modal dialog is open: the editor's keys then stay quiet. */
export const selectIsModalOpen = (s: EditorState) => s.dialog !== null;
