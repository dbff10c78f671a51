import { connect, describeCount, findTable, setForeignKeyColumns, singular, type Schema } from '../model/index.ts';
import type { DragConnection } from './connectFromHandles.ts';

/** What a drop would make, in words, before it is made. */
export interface ConnectionPreview {
  /** "each author has zero or many books". */
  sentence: string;
  /** Where the key goes: "new column books.author_id" or "books.writer_id becomes the foreign key". */
  key: string;
}

/**
 * Reads aloud the relationship a drop would create, by making it on a copy of the schema exactly as
 * the store's `connectTables` will: the sentence and the foreign-key column are the ones the user gets.
 */
export function previewConnection(schema: Schema, drag: DragConnection): ConnectionPreview | null {
  const parent = findTable(schema, drag.parentId);
  const child = findTable(schema, drag.childId);
  if (!parent || !child) return null;
  let made = connect(schema, drag.parentId, drag.childId, drag.options && { from: drag.options.from, to: drag.options.to });
  const chosenKey = drag.options?.foreignKeyColumnIds;
  if (chosenKey) made = { ...made, schema: setForeignKeyColumns(made.schema, made.relationshipId, chosenKey) };
  const rel = made.schema.relationships.find((r) => r.id === made.relationshipId);
  if (!rel) return null;
  const keyNames = rel.foreignKeyColumnIds.map((id) => findTable(made.schema, child.id)?.columns.find((c) => c.id === id)?.name ?? '?');
  const qualified = keyNames.map((name) => `${child.name}.${name}`).join(', ');
  const isChosen = chosenKey !== undefined && chosenKey.every((id, i) => rel.foreignKeyColumnIds[i] === id);
  return {
    sentence: `each ${singular(parent.name)} has ${describeCount(rel.to, child.name)}`,
    key: isChosen ? `${qualified} becomes the foreign key` : `new column${keyNames.length > 1 ? 's' : ''} ${qualified}`,
  };
}
