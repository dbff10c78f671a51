import type { Column, EnumType, ErdDocument, Relationship, Schema, Table, Version } from '../model/index.ts';

/**
 * Fills the fields a project file may leave out (a table's schemaName and comment, a column's
 * comment and identity, a relationship's isDeferrable and junction, an enum's schemaName) with the
 * defaults the project file gives them, wherever a stored room lacks them, and drops a relationship
 * without its ends: rooms written before the server refused such updates would otherwise crash every
 * reader ("reading 'trim'"). Deterministic,
 * so every peer shows the same document; the same object comes back when nothing was missing.
 */
export function completeDocument(document: ErdDocument): ErdDocument {
  const schema = completeSchema(document.schema);
  const versions = document.versions && mapSame(document.versions, completeVersion);
  if (schema === document.schema && versions === document.versions) return document;
  return { ...document, schema, ...(versions ? { versions } : {}) };
}

function completeSchema(schema: Schema): Schema {
  const tables = mapSame(schema.tables, completeTable);
  const whole = schema.relationships.every(hasShape) ? schema.relationships : schema.relationships.filter(hasShape);
  const relationships = mapSame(whole, completeRelationship);
  const enums = schema.enums === undefined ? [] : mapSame(schema.enums, completeEnum);
  if (tables === schema.tables && relationships === schema.relationships && enums === schema.enums) return schema;
  return { ...schema, tables, relationships, enums };
}

function completeVersion(version: Version): Version {
  const schema = completeSchema(version.schema);
  return schema === version.schema ? version : { ...version, schema };
}

function completeTable(table: Table): Table {
  const columns = mapSame(table.columns, completeColumn);
  if (
    columns === table.columns &&
    typeof table.schemaName === 'string' &&
    typeof table.comment === 'string' &&
    Array.isArray(table.checks) &&
    Array.isArray(table.indexes)
  )
    return table;
  return {
    ...table,
    schemaName: table.schemaName ?? 'public',
    comment: table.comment ?? '',
    columns,
    checks: table.checks ?? [],
    indexes: table.indexes ?? [],
  };
}

function completeColumn(column: Column): Column {
  if (typeof column.comment === 'string' && column.identity !== undefined) return column;
  return { ...column, identity: column.identity ?? null, comment: column.comment ?? '' };
}

function completeRelationship(relationship: Relationship): Relationship {
  const junction = relationship.junction ?? { name: '', columns: [] };
  const columns = mapSame(junction.columns ?? [], completeColumn);
  const completeJunction =
    columns === junction.columns && typeof junction.name === 'string' ? junction : { name: junction.name ?? '', columns };
  if (completeJunction === relationship.junction && typeof relationship.isDeferrable === 'boolean') return relationship;
  return { ...relationship, isDeferrable: relationship.isDeferrable ?? false, junction: completeJunction };
}

/** Whether a relationship has the ends and key columns every reader needs; one without them cannot be filled in, so it is dropped. */
function hasShape(relationship: Relationship): boolean {
  const { from, to, foreignKeyColumnIds } = relationship as Partial<Relationship>;
  return typeof from?.tableId === 'string' && typeof to?.tableId === 'string' && Array.isArray(foreignKeyColumnIds);
}

function completeEnum(type: EnumType): EnumType {
  return typeof type.schemaName === 'string' ? type : { ...type, schemaName: 'public' };
}

/** Maps items, returning the same array when every item came back as itself. */
function mapSame<T>(items: T[], complete: (item: T) => T): T[] {
  let changed: T[] | undefined;
  items.forEach((item, i) => {
    const done = complete(item);
    if (done !== item) (changed ??= items.slice())[i] = done;
  });
  return changed ?? items;
}
