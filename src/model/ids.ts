/** Ids link tables, columns and relationships; names are only data, so renames never break links. */
export type TableId = string & { readonly __brand: 'TableId' };
export type ColumnId = string & { readonly __brand: 'ColumnId' };
export type RelationshipId = string & { readonly __brand: 'RelationshipId' };
export type NoteId = string & { readonly __brand: 'NoteId' };
export type VersionId = string & { readonly __brand: 'VersionId' };

/** The id type of each kind, by the prefix its ids start with, so a prefix cannot be minted as another kind's id. */
interface IdKinds {
  tbl: TableId;
  col: ColumnId;
  rel: RelationshipId;
  note: NoteId;
  ver: VersionId;
  chk: string;
  idx: string;
  enum: string;
  sql: string;
  doc: string;
}

/** What each kind of id starts with: tables, columns, relationships, notes, checks, indexes, enum types, kept SQL objects, documents, versions. */
export type IdPrefix = keyof IdKinds;

/** A fresh, collision-resistant id with a readable prefix (`tbl_`, `col_`...) and the type of its kind: the one place ids are minted. */
export function newId<P extends IdPrefix>(prefix: P): IdKinds[P] {
  return `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}` as IdKinds[P];
}
