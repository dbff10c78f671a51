import {
  defaultSchemaName,
  junctionTables,
  resolveAll,
  validateSchema,
  type Problem,
  type ResolvedRelationship,
  type Schema,
  type SqlObject,
  type Table,
} from '../model/index.ts';
import { NameAllocator } from './constraintNames.ts';
import { intoOneSchema } from './intoOneSchema.ts';

import { defaultDdlOptions, type DdlOptions } from './options.ts';
import { quoteIdent, quoteLiteral } from './quoteIdent.ts';
import { createJunctionTable, junctionStatements } from './relationshipStatements.ts';
import { foreignKeyStatementsOnce } from './keyStatementsMemo.ts';
import { effectiveSchema, executedUnlessExists, ifNotExists, qualifiedName, unlessExists } from './sqlText.ts';
import type { Statement } from './statement.ts';
import { createComments, createIndexes, createTable } from './tableStatements.ts';
import { sqlObjectStatements } from './sqlObjectStatements.ts';
import { afterRoutines, lateExpressions, lateExpressionStatements, withoutLate } from './keptRoutines.ts';

/** The generated statements, or none and the errors that block them. */
export interface DdlResult {
  statements: Statement[];
  problems: Problem[];
}

/**
 * Turns a schema into PostgreSQL DDL that enforces every relationship as drawn, in an order that runs
 * top to bottom in an empty database: schemas, types, tables, then keys and triggers (so reference
 * cycles work), indexes and comments. Same schema and options, same bytes.
 * Any error in the model blocks generation rather than produce SQL that does not say what the diagram says.
 */
export function generateDdl(drawn: Schema, options: DdlOptions = defaultDdlOptions): DdlResult {
  const { statements, problems } = ddlStatements(drawn, options);
  if (problems.some((p) => p.severity === 'error')) return { statements, problems };
  statements.unshift(...settingsFor(statements, keptObjectsOf(drawn, options)));
  if (options.wrapInTransaction && statements.length > 0) {
    statements.unshift({ kind: 'transaction', sql: 'BEGIN;' });
    statements.push({ kind: 'transaction', sql: 'COMMIT;' });
  }
  return { statements, problems };
}

/** The kept objects the options include. */
function keptObjectsOf(drawn: Schema, options: DdlOptions): SqlObject[] {
  return options.includeSqlObjects === false
    ? []
    : (drawn.sqlObjects ?? []).filter((o) => !options.sqlObjectKinds || options.sqlObjectKinds.includes(o.kind));
}

/** The DDL's statements without the session settings and transaction around them: what a migration reads its objects from. */
export function ddlStatements(drawn: Schema, options: DdlOptions = defaultDdlOptions): DdlResult {
  const schema = options.schemaName === null ? drawn : intoOneSchema(drawn, options.schemaName);
  const problems = withOptionNamed(validateSchema(schema), drawn, options);
  if (problems.some((p) => p.severity === 'error')) return { statements: [], problems };
  const resolved = resolveAll(schema);
  const junctions = junctionTables(schema);
  // What the document's own SQL text makes (kept objects, CHECKs calling them) has no IF NOT EXISTS of its own.
  const rerunnable = (s: Statement): Statement => ({ ...s, sql: executedUnlessExists(s.sql, options) });
  const names = new NameAllocator([
    ...schema.tables.flatMap((t) =>
      [t.name, ...keptNames(t), ...t.checks.map((c) => c.name), ...t.indexes.map((i) => i.name)].filter(Boolean),
    ),
    ...schema.relationships.flatMap((r) => [r.constraintName ?? '', r.uniqueConstraintName ?? ''].filter(Boolean)),
    ...junctions.map((j) => j.name),
    ...schema.enums.map((e) => e.name),
  ]);
  const kept = keptObjectsOf(drawn, options);
  // CHECKs and defaults that call a kept function wait for it (ALTER TABLE after the functions).
  const proofMode = { standIns: options.extensionStandIns === true, creatable: options.creatableExtensions ?? [] };
  const late = lateExpressions(schema, kept);
  const statements: Statement[] = [
    ...createSchemas(schema, options),
    ...schema.enums.map((e): Statement => {
      const values = e.values.map(quoteLiteral).join(', ');
      return {
        kind: 'createType',
        sql: unlessExists(`CREATE TYPE ${qualifiedName(e.schemaName, e.name, options)} AS ENUM (${values});`, options),
      };
    }),
    ...sqlObjectStatements(kept, 'beforeTables', proofMode).map(rerunnable),
    ...schema.tables.map((table) => createTable(withoutLate(table, late), resolved, names, options)),
    ...junctions.map((j) => createJunctionTable(j, names, options)),
  ];
  // A foreign key to an alternate key needs its UNIQUE first: unique indexes it references, and every relationship's UNIQUE.
  const referenced = referencedIndexes(resolved);
  for (const table of schema.tables) statements.push(...createIndexes(table, names, options, (i) => referenced.has(i.id)));
  const keys = resolved.flatMap((r) =>
    r.kind === 'oneToOne' || r.kind === 'oneToMany' ? foreignKeyStatementsOnce(r, names, options) : [],
  );
  statements.push(...keys.filter((s) => s.kind === 'addUnique'), ...keys.filter((s) => s.kind !== 'addUnique'));
  for (const j of junctions) statements.push(...junctionStatements(j, names, options));
  for (const table of schema.tables) statements.push(...createIndexes(table, names, options, (i) => !referenced.has(i.id)));
  for (const table of schema.tables) statements.push(...createComments(table, options));
  const lateStatements = lateExpressionStatements(schema, late, (t) => names.allocate(t.name, [], 'check'), options).map((s) =>
    s.kind === 'addCheck' ? rerunnable(s) : s,
  );
  statements.push(...afterRoutines(sqlObjectStatements(kept, 'afterTables', proofMode).map(rerunnable), kept, lateStatements));
  return { statements, problems };
}

/** Names the database had for a table's primary key and UNIQUE columns, which the generator must not hand out again. */
function keptNames(table: Table): string[] {
  return [table.primaryKeyName ?? '', ...table.columns.map((c) => c.uniqueConstraintName ?? '')];
}

/** Ids of unique indexes some foreign key references as its alternate key. */
function referencedIndexes(resolved: readonly ResolvedRelationship[]): Set<string> {
  const ids = new Set<string>();
  for (const r of resolved) {
    if ((r.kind !== 'oneToOne' && r.kind !== 'oneToMany') || !r.relationship.referencedColumnIds) continue;
    const columns = r.parentColumns.map((c) => c.id);
    for (const i of r.parent.indexes)
      if (i.isUnique && i.columnIds.length === columns.length && i.columnIds.every((c) => columns.includes(c))) ids.add(i.id);
  }
  return ids;
}

/** Problems that only the "one schema" option causes say so, since the diagram alone is fine. */
function withOptionNamed(problems: Problem[], drawn: Schema, options: DdlOptions): Problem[] {
  if (options.schemaName === null) return problems;
  const own = new Set(validateSchema(drawn).map((p) => p.message));
  return problems.map((p) =>
    own.has(p.message) ? p : { ...p, message: `With everything in schema "${options.schemaName}": ${p.message}` },
  );
}

/** CREATE SCHEMA for every schema other than public that a table or type lives in, in first-use order. */
function createSchemas(schema: Schema, options: DdlOptions): Statement[] {
  const used = [...schema.enums.map((e) => e.schemaName), ...schema.tables.map((t) => t.schemaName)].map((s) =>
    effectiveSchema(s, options),
  );
  return [...new Set(used)]
    .filter((s) => s !== defaultSchemaName)
    .map((s) => ({ kind: 'createSchema', sql: `CREATE SCHEMA ${ifNotExists(options)}${quoteIdent(s)};` }));
}

/**
 * Settings the script needs, as pg_dump writes them: string constants read with standard_conforming_strings
 * on (a session with it off would read `'x\'` as an escaped quote and run what follows), and kept function
 * bodies not checked at creation (they may name tables through a search_path of their own script).
 */
function settingsFor(statements: readonly Statement[], kept: readonly SqlObject[]): Statement[] {
  const settings: Statement[] = [];
  if (statements.some((s) => s.sql.includes('\\'))) settings.push({ kind: 'setting', sql: 'SET standard_conforming_strings = on;' });
  if (kept.some((o) => o.kind === 'function' || o.kind === 'aggregate'))
    settings.push({ kind: 'setting', sql: 'SET check_function_bodies = false;' });
  return settings;
}
