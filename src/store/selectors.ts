import { findRelationship, findTable, foreignKeysOf, isEffectivelyNotNull, resolveAll, type RelationshipId, type ResolvedRelationship, type Schema, type TableId } from '../model/index.ts';
import { generateDdl, type DdlResult } from '../ddl/index.ts';
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

/** The DDL of the current schema. */
export const selectDdl: (s: EditorState) => DdlResult = perSchema(generateDdl);

/** Every relationship resolved, for FK badges and edge anchors. */
export const selectResolved: (s: EditorState) => ResolvedRelationship[] = perSchema(resolveAll);

/** Per column of a table: where it points (`authors.id`, or '') and whether it is effectively NOT NULL. */
export interface ColumnFacts {
  references: string;
  isNotNull: boolean;
}

const columnFactsBySchema = perSchema((schema) => {
  const resolved = resolveAll(schema);
  const facts = new Map<TableId, string[]>();
  for (const table of schema.tables) {
    const foreignKeys = foreignKeysOf(table.id, resolved);
    facts.set(
      table.id,
      table.columns.map((column) => {
        const fk = foreignKeys.find((f) => f.columns.some((c) => c.id === column.id));
        const i = fk ? fk.columns.findIndex((c) => c.id === column.id) : -1;
        const references = fk ? `${fk.parent.name}.${fk.parentColumns[i]?.name ?? '?'}` : '';
        return `${isEffectivelyNotNull(column, resolved) ? 1 : 0}${references}`;
      }),
    );
  }
  return facts;
});

/** A table's column facts as strings (`1authors.id`), stable for `useShallow` so only changed tables re-render. */
export const selectColumnFacts = (tableId: TableId) => (s: EditorState) => columnFactsBySchema(s).get(tableId) ?? [];

/** Decodes one entry of `selectColumnFacts`. */
export function readColumnFacts(encoded: string | undefined): ColumnFacts {
  return { isNotNull: encoded?.[0] === '1', references: encoded?.slice(1) ?? '' };
}
