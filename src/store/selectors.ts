import {
  findRelationship,
  findTable,
  foreignKeysOf,
  isEffectivelyNotNull,
  lintSchema,
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

/** The schema (changes on edits, never on drags). */
export const selectSchema = (s: EditorState) => s.document.schema;

/** One table by id, for a TableNode that re-renders only when its own table changes. */
export const selectTable = (tableId: TableId) => (s: EditorState) => findTable(s.document.schema, tableId);

/** One relationship by id. */
export const selectRelationship = (id: RelationshipId) => (s: EditorState) => findRelationship(s.document.schema, id);

/** Memoizes a derivation of the schema on the schema object itself, so drags and selection never recompute it. */
function perSchema<T>(derive: (schema: Schema) => T): (s: EditorState) => T {
  let lastSchema: Schema | undefined;
  let lastValue: T;
  return (s) => {
    if (s.document.schema !== lastSchema) {
      lastSchema = s.document.schema;
      lastValue = derive(lastSchema);
    }
    return lastValue;
  };
}

const ddlBySchema = new WeakMap<Schema, DdlResult>();

/** A schema's DDL with default options, computed once per schema object (panels reading a deferred schema share it). */
export function ddlOf(schema: Schema): DdlResult {
  let ddl = ddlBySchema.get(schema);
  if (!ddl) ddlBySchema.set(schema, (ddl = generateDdl(schema)));
  return ddl;
}

const validationBySchema = new WeakMap<Schema, Problem[]>();

/**
 * The problems that block or qualify the DDL (what `generateDdl` reports with default options), once
 * per schema object: the inspector shows them without generating the whole schema's DDL on each keystroke.
 */
export function validationOf(schema: Schema): Problem[] {
  let problems = validationBySchema.get(schema);
  if (!problems) validationBySchema.set(schema, (problems = validateSchema(schema)));
  return problems;
}

/** The DDL of the current schema, as the proofs run it (default options): also the source of model errors. */
export const selectDdl = (s: EditorState): DdlResult => ddlOf(s.document.schema);

let lastFormatted: { schema: Schema; options: DdlOptions; result: DdlResult } | undefined;
/** The DDL formatted with the user's options, for the DDL panel, copy and download. */
export function selectFormattedDdl(s: EditorState): DdlResult {
  const { schema } = s.document;
  if (lastFormatted?.schema !== schema || lastFormatted.options !== s.ddlOptions) {
    lastFormatted = { schema, options: s.ddlOptions, result: generateDdl(schema, s.ddlOptions) };
  }
  return lastFormatted.result;
}

/** Every problem and piece of advice about the schema (validation and design checks). */
export const selectLint: (s: EditorState) => Problem[] = perSchema((schema) => lintSchema(schema, validationOf(schema)));

/** One line per problem about a table (or its columns), for the badge on its node; stable for `useShallow`. */
export const selectTableProblems = (tableId: TableId) => (s: EditorState) =>
  selectLint(s).filter((p) => p.tableId === tableId && !p.relationshipId);

/** The problems about one relationship. */
export const selectRelationshipProblems = (id: RelationshipId) => (s: EditorState) => selectLint(s).filter((p) => p.relationshipId === id);

/** Every relationship resolved, for FK badges and edge anchors. */
export const selectResolved: (s: EditorState) => ResolvedRelationship[] = perSchema(resolveAll);

/** Per column of a table: where it points (`authors.id`, or ''), whether it is effectively NOT NULL, and whether a 1:1 makes it UNIQUE. */
export interface ColumnFacts {
  references: string;
  isNotNull: boolean;
  /** The DDL makes it UNIQUE for a one-to-one (FK + UNIQUE) though the column's own UNIQUE is not ticked. */
  isUniqueByRelationship: boolean;
}

const columnFactsBySchema = perSchema((schema) => {
  const resolved = resolveAll(schema);
  const uniqueColumns = uniqueByRelationship(resolved);
  const facts = new Map<TableId, string[]>();
  for (const table of schema.tables) {
    const foreignKeys = foreignKeysOf(table.id, resolved);
    facts.set(
      table.id,
      table.columns.map((column) => {
        const fk = foreignKeys.find((f) => f.columns.some((c) => c.id === column.id));
        const i = fk ? fk.columns.findIndex((c) => c.id === column.id) : -1;
        const references = fk ? `${fk.parent.name}.${fk.parentColumns[i]?.name ?? '?'}` : '';
        return `${isEffectivelyNotNull(column, resolved) ? 1 : 0}${uniqueColumns.has(column.id) ? 1 : 0}${references}`;
      }),
    );
  }
  return facts;
});

/** A table's column facts as strings (`11authors.id`: NOT NULL, UNIQUE by a 1:1, the reference), stable for `useShallow` so only changed tables re-render. */
export const selectColumnFacts = (tableId: TableId) => (s: EditorState) => columnFactsBySchema(s).get(tableId) ?? [];

/** Decodes one entry of `selectColumnFacts`. */
export function readColumnFacts(encoded: string | undefined): ColumnFacts {
  return { isNotNull: encoded?.[0] === '1', isUniqueByRelationship: encoded?.[1] === '1', references: encoded?.slice(2) ?? '' };
}

let lastVerdicts: { report: ProofReport; verdicts: Map<RelationshipId, RelationshipVerdict> } | undefined;

/** Whether the proof shown is of the current schema; false while PostgreSQL starts, proves, or the schema changed since. */
export const selectIsProofCurrent = (s: EditorState) => s.proofStatus === 'ready' && s.provedSchema === s.document.schema;

/** One relationship's verdict in the latest report (a stable object per report), or undefined when it has no scenarios. */
export const selectRelationshipVerdict = (id: RelationshipId) => (s: EditorState): RelationshipVerdict | undefined => {
  if (!s.proofReport) return undefined;
  if (lastVerdicts?.report !== s.proofReport) lastVerdicts = { report: s.proofReport, verdicts: relationshipVerdicts(s.proofReport) };
  return lastVerdicts.verdicts.get(id);
};

/** Whether a modal dialog is open: the editor's keys then stay quiet. */
export const selectIsModalOpen = (s: EditorState) => s.dialog !== null;
