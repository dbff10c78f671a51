import { primaryKeyOf, type Column, type Table } from '../model/index.ts';
import type { Statement } from '../ddl/index.ts';
import type { DbColumn, DbConstraint, DbTable } from './databaseObjectTypes.ts';
import { constraintObject } from './objectShapes.ts';
import { constraintLines, createdIndex } from './statementText.ts';

/** A table's database objects: the table with its columns, then its inline constraints and its indexes. */
export interface TableObjects {
  table: DbTable;
  constraints: DbConstraint[];
}

/**
 * Everything a table's objects are read from besides the Table itself. The generator's names depend on
 * the whole schema (NameAllocator dedupes them across it), so the generated text is part of the input
 * rather than re-derived: same table, same statements, same NOT NULLs, same enums, same objects.
 */
export interface TableInputs {
  /** The generator's CREATE TABLE for it, with its constraint names. */
  createSql: string;
  /** Its CREATE INDEX statements, in the generator's order. */
  indexStatements: readonly Statement[];
  /** Each column's effective NOT NULL (a mandatory relationship end makes a column NOT NULL), as '0'/'1' per column. */
  notNulls: string;
  /** What the schema's enums are called (`typeKey` reads a type naming one as that enum), one text per schema. */
  enumNames: string;
}

/** Makes a column's database object from the model column, its key and its effective NOT NULL. */
export type TableColumnMaker = (c: Column, key: string, notNull: boolean) => DbColumn;

/** A memo of each table's objects, keyed by the immutable Table and checked against its other inputs. */
export type TableObjectsMemo = WeakMap<Table, { inputs: TableInputs; objects: TableObjects }>;

/**
 * A table's objects, reused from `memo` when the Table object and every other input are the ones they
 * were made from: after one edit of a 500-table design, one table is remade rather than all of them.
 */
export function tableObjects(table: Table, inputs: TableInputs, dbColumn: TableColumnMaker, memo: TableObjectsMemo): TableObjects {
  const known = memo.get(table);
  if (known && sameInputs(known.inputs, inputs)) return known.objects;
  const objects = objectsOfTable(table, inputs, dbColumn);
  memo.set(table, { inputs, objects });
  return objects;
}

function sameInputs(a: TableInputs, b: TableInputs): boolean {
  return (
    a.createSql === b.createSql &&
    a.notNulls === b.notNulls &&
    a.enumNames === b.enumNames &&
    a.indexStatements.length === b.indexStatements.length &&
    a.indexStatements.every((s, i) => s.sql === b.indexStatements[i]!.sql)
  );
}

function objectsOfTable(table: Table, { createSql, indexStatements, notNulls }: TableInputs, dbColumn: TableColumnMaker): TableObjects {
  const columns = table.columns.map((c, i) => dbColumn(c, c.id, notNulls[i] === '1'));
  const constraints: DbConstraint[] = [];
  // CREATE TABLE lists its primary key, then UNIQUE columns, UNIQUE constraints and CHECKs, in this order.
  const key = primaryKeyOf(table);
  const inlineKeys: Omit<DbConstraint, 'name' | 'inline' | 'tableKey'>[] = [];
  if (key.length > 0) inlineKeys.push({ key: `primaryKey:${table.id}`, kind: 'primaryKey', columns: key.map((c) => c.id) });
  for (const c of table.columns)
    if (c.isUnique && !(c.isPrimaryKey && key.length === 1)) inlineKeys.push({ key: `unique:${c.id}`, kind: 'unique', columns: [c.id] });
  for (const i of table.indexes)
    if (i.isConstraint && i.isUnique) inlineKeys.push({ key: `index:${i.id}`, kind: 'unique', columns: i.columnIds });
  for (const c of table.checks)
    inlineKeys.push({ key: `check:${c.id}`, kind: 'check', columns: [], expression: c.expression, definition: `CHECK (${c.expression})` });
  constraintLines(createSql).forEach((line, n) => {
    const made = inlineKeys[n]!;
    constraints.push(constraintObject({ definition: line.definition, ...made, tableKey: table.id, name: line.name, inline: true }));
  });
  const remaining = table.indexes.filter((i) => !(i.isConstraint && i.isUnique));
  const columnNames = (ids: string[]) => ids.map((id) => table.columns.find((c) => c.id === id)!.name).join('\u0000');
  for (const s of indexStatements) {
    const made = createdIndex(s.sql);
    const index = remaining.find((i) => i.isUnique === made.isUnique && columnNames(i.columnIds) === made.columns.join('\u0000'))!;
    remaining.splice(remaining.indexOf(index), 1);
    constraints.push(
      constraintObject({
        key: `index:${index.id}`,
        tableKey: table.id,
        kind: index.isUnique ? 'uniqueIndex' : 'index',
        name: made.name,
        columns: index.columnIds,
        inline: false,
        sql: s.sql,
      }),
    );
  }
  const dbTable = { key: table.id, schemaName: table.schemaName, name: table.name, comment: table.comment, columns, createSql };
  return { table: dbTable, constraints };
}
