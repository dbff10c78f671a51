import { quoteIdent, type Statement } from '../ddl/index.ts';
import type { Column, Junction, ResolvedForeignKey } from '../model/index.ts';
import type { DatabaseObjects, DbColumn, DbConstraint } from './databaseObjectTypes.ts';
import { constraintLines } from './statementText.ts';
import { columnObject, constraintObject } from './objectShapes.ts';

/** The key of a junction table, which has no table id of its own. */
export function junctionKey(relationshipId: string): string {
  return `junction:${relationshipId}`;
}

/** Makes a column's database object from the model column, its key and its effective NOT NULL. */
export type ColumnMaker = (c: Column, key: string, notNull: boolean) => DbColumn;

/** A many-to-many's junction table: key columns keyed by side and referenced column, its primary key and its two foreign keys. */
export function addJunction(
  objects: DatabaseObjects,
  j: Junction,
  /** The relationship's own statements. */
  statements: readonly Statement[],
  dbColumn: ColumnMaker,
  typeKey: (type: string) => string,
): void {
  const tableKey = junctionKey(j.relationshipId);
  const createSql = statements.find((s) => s.kind === 'createJunctionTable')!.sql;
  const sides = [
    { side: 'from', columns: j.fromColumns, parent: j.resolved.from },
    { side: 'to', columns: j.toColumns, parent: j.resolved.to },
  ];
  const keyColumns = sides.flatMap(({ side, columns }) =>
    columns.map((k): DbColumn => {
      const definition = `${quoteIdent(k.name)} ${k.type} NOT NULL`;
      const facts = { key: `${tableKey}:${side}:${k.references.id}`, name: k.name, type: k.type, typeKey: typeKey(k.type) };
      const absent = { identityOptions: undefined, generated: undefined };
      return columnObject(
        { ...facts, collation: '', notNull: true, defaultValue: null, identity: null, ...absent, comment: '' },
        () => definition,
      );
    }),
  );
  const extra = j.extraColumns.map((c) => dbColumn({ ...c, isPrimaryKey: false }, c.id, c.isNotNull));
  objects.tables.set(tableKey, {
    key: tableKey,
    schemaName: j.schemaName,
    name: j.name,
    comment: '',
    columns: [...keyColumns, ...extra],
    createSql,
  });
  const pk = constraintLines(createSql)[0]!;
  objects.constraints.set(
    `primaryKey:${tableKey}`,
    constraintObject({
      key: `primaryKey:${tableKey}`,
      tableKey,
      kind: 'primaryKey',
      name: pk.name,
      columns: keyColumns.map((c) => c.key),
      inline: true,
      definition: pk.definition,
    }),
  );
  const foreignKeys = statements.filter((s) => s.kind === 'addForeignKey');
  sides.forEach(({ side, columns, parent }, n) => {
    const key = `foreignKey:${j.relationshipId}:${side}`;
    objects.constraints.set(
      key,
      constraintObject({
        key,
        tableKey,
        kind: 'foreignKey',
        name: foreignKeys[n]!.constraintName!,
        columns: columns.map((k) => `${tableKey}:${side}:${k.references.id}`),
        references: { tableKey: parent.id, columns: columns.map((k) => k.references.id) },
        clauses: clausesOf(j.resolved.relationship),
        inline: false,
        relationshipId: j.relationshipId,
        sql: foreignKeys[n]!.sql,
      }),
    );
  });
}

/** Each key statement's constraint, with the relationship and tables it was read with. */
const readKeys = new WeakMap<Statement, { r: ResolvedForeignKey; constraint: DbConstraint }>();

/**
 * A 1:N or 1:1's UNIQUE or foreign key, from the generator's statement; read once per statement object
 * (the generator reuses a relationship's statements while it and its tables are the same objects).
 */
export function relationshipConstraint(r: ResolvedForeignKey, s: Statement): DbConstraint {
  const known = readKeys.get(s);
  if (known && known.r.relationship === r.relationship && known.r.child === r.child && known.r.parent === r.parent) return known.constraint;
  const constraint = readKeyStatement(r, s, s.kind === 'addUnique' ? 'unique' : 'foreignKey');
  readKeys.set(s, { r, constraint });
  return constraint;
}

function readKeyStatement(r: ResolvedForeignKey, s: Statement, kind: 'unique' | 'foreignKey'): DbConstraint {
  const common = {
    key: `${kind}:${r.relationship.id}`,
    tableKey: r.child.id,
    name: s.constraintName!,
    columns: r.columns.map((c) => c.id),
    relationshipId: r.relationship.id,
  };
  if (kind === 'unique') return constraintObject({ ...common, kind, inline: false, sql: s.sql });
  return constraintObject({
    ...common,
    kind,
    references: { tableKey: r.parent.id, columns: r.parentColumns.map((c) => c.id) },
    clauses: clausesOf(r.relationship),
    inline: false,
    sql: s.sql,
  });
}

/** A foreign key's actions and deferral as comparable text. */
function clausesOf(r: ResolvedForeignKey['relationship']): string {
  return [r.onDelete, r.onUpdate, r.isDeferrable ? 'deferrable' : '', r.isNotValid ? 'not valid' : ''].join('|');
}
