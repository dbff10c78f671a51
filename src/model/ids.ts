/** Ids link tables, columns and relationships; names are only data, so renames never break links. */
export type TableId = string & { readonly __brand: 'TableId' };
export type ColumnId = string & { readonly __brand: 'ColumnId' };
export type RelationshipId = string & { readonly __brand: 'RelationshipId' };
export type NoteId = string & { readonly __brand: 'NoteId' };

/** What each kind of id starts with: tables, columns, relationships, notes, checks, indexes, enum types, kept SQL objects. */
export type IdPrefix = 'tbl' | 'col' | 'rel' | 'note' | 'chk' | 'idx' | 'enum' | 'sql';

/** A fresh, collision-resistant id with a readable prefix (`tbl_`, `col_`...): the one place ids are minted. */
export function newId<T extends string = string>(prefix: IdPrefix): T {
  return `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}` as T;
}
