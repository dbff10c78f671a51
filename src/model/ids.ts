/** Ids link tables, columns and relationships; names are only data, so renames never break links. */
export type TableId = string & { readonly __brand: 'TableId' };
export type ColumnId = string & { readonly __brand: 'ColumnId' };
export type RelationshipId = string & { readonly __brand: 'RelationshipId' };
export type NoteId = string & { readonly __brand: 'NoteId' };

/** A fresh, collision-resistant id with a readable prefix (`tbl_`, `col_`, `rel_`, `note_`). */
export function newId<T extends string>(prefix: 'tbl' | 'col' | 'rel' | 'note'): T {
  return `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}` as T;
}
