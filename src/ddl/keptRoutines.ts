import type { Column, Schema, SqlObject, Table } from '../model/index.ts';
import type { DdlOptions } from './options.ts';
import { kindsTablesNeed } from './options.ts';
import { quoteIdent } from './quoteIdent.ts';
import { qualifiedName } from './sqlText.ts';
import type { Statement } from './statement.ts';

const routineKinds: readonly SqlObject['kind'][] = ['function', 'aggregate'];

/** The bare name PostgreSQL calls a kept function or aggregate by: `public.ok(text)` -> `ok`, `"Odd"()` -> `Odd`. */
export function routineName(o: SqlObject): string {
  const bare = o.name.replace(/\(.*$/s, '').trim();
  const last = /(?:^|\.)("(?:[^"]|"")+"|[^."]+)$/.exec(bare)?.[1] ?? bare;
  return last.startsWith('"') ? last.slice(1, -1).replaceAll('""', '"') : last.toLowerCase();
}

/**
 * Names SQL text calls: identifiers followed by `(`, as PostgreSQL's deparsed CHECKs, defaults and
 * function bodies write calls. Matching them against kept routines' names only orders statements:
 * a word that is not a call (a keyword, a name inside a string) at worst moves a CHECK later or brings a routine along.
 */
export function calledNames(sql: string): Set<string> {
  const names = new Set<string>();
  for (const m of sql.matchAll(/("(?:[^"]|"")+"|[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*)\s*\(/g)) {
    const word = m[1]!;
    names.add(word.startsWith('"') ? word.slice(1, -1).replaceAll('""', '"') : word.toLowerCase());
  }
  return names;
}

/** The kept routines (functions, aggregates) among `objects`, by the name SQL calls them. */
function routinesByName(objects: readonly SqlObject[]): Map<string, SqlObject[]> {
  const byName = new Map<string, SqlObject[]>();
  for (const o of objects) if (routineKinds.includes(o.kind)) byName.set(routineName(o), [...(byName.get(routineName(o)) ?? []), o]);
  return byName;
}

const callsAny = (sql: string, names: Map<string, SqlObject[]>) => [...calledNames(sql)].some((n) => names.has(n));

/** CHECKs and column defaults that call a kept routine: PostgreSQL resolves the call at CREATE TABLE, so they must wait for it. */
export interface LateExpressions {
  checkIds: Set<string>;
  defaultColumnIds: Set<string>;
}

/** Which of the tables' CHECKs and defaults call one of `kept`'s routines. */
export function lateExpressions(schema: Schema, kept: readonly SqlObject[]): LateExpressions {
  const names = routinesByName(kept);
  const late: LateExpressions = { checkIds: new Set(), defaultColumnIds: new Set() };
  if (names.size === 0) return late;
  for (const t of schema.tables) {
    for (const c of t.checks) if (callsAny(c.expression, names)) late.checkIds.add(c.id);
    for (const c of t.columns) if (c.defaultValue !== null && callsAny(c.defaultValue, names)) late.defaultColumnIds.add(c.id);
  }
  return late;
}

/** The table as CREATE TABLE writes it: without the CHECKs and defaults that come later. */
export function withoutLate(table: Table, late: LateExpressions): Table {
  if (late.checkIds.size === 0 && late.defaultColumnIds.size === 0) return table;
  return {
    ...table,
    checks: table.checks.filter((c) => !late.checkIds.has(c.id)),
    columns: table.columns.map((c): Column => (late.defaultColumnIds.has(c.id) ? { ...c, defaultValue: null } : c)),
  };
}

/** `ALTER TABLE … ALTER COLUMN … SET DEFAULT` and `ADD CONSTRAINT … CHECK` for the late expressions, run once the routines exist. */
export function lateExpressionStatements(
  schema: Schema,
  late: LateExpressions,
  checkName: (table: Table) => string,
  options: DdlOptions,
): Statement[] {
  const statements: Statement[] = [];
  for (const t of schema.tables) {
    const ref = qualifiedName(t.schemaName, t.name, options);
    for (const c of t.columns) {
      if (!late.defaultColumnIds.has(c.id)) continue;
      statements.push({
        kind: 'setDefault',
        tableId: t.id,
        sql: `ALTER TABLE ${ref}\n  ALTER COLUMN ${quoteIdent(c.name)} SET DEFAULT ${c.defaultValue};`,
      });
    }
    for (const check of t.checks) {
      if (!late.checkIds.has(check.id)) continue;
      const name = check.name || checkName(t);
      statements.push({
        kind: 'addCheck',
        tableId: t.id,
        constraintName: name,
        sql: `ALTER TABLE ${ref}\n  ADD CONSTRAINT ${quoteIdent(name)} CHECK (${check.expression});`,
      });
    }
  }
  return statements;
}

/**
 * The kept objects a proof creates: what column types need (`kindsTablesNeed`) and the routines the
 * tables' CHECKs and defaults call, with the routines those call in turn (read from their text).
 */
export function objectsTablesNeed(schema: Schema): SqlObject[] {
  const objects = schema.sqlObjects ?? [];
  const names = routinesByName(objects);
  const needed = new Set<SqlObject>(objects.filter((o) => kindsTablesNeed.includes(o.kind)));
  const queue = schema.tables.flatMap((t) => [
    ...t.checks.map((c) => c.expression),
    ...t.columns.flatMap((c) => (c.defaultValue === null ? [] : [c.defaultValue])),
  ]);
  while (queue.length > 0) {
    for (const name of calledNames(queue.pop()!)) {
      for (const routine of names.get(name) ?? []) {
        if (needed.has(routine)) continue;
        needed.add(routine);
        queue.push(routine.sql);
      }
    }
  }
  return objects.filter((o) => needed.has(o));
}

/** Kept objects' statements after the tables, with `late` right after the last function or aggregate, so every call finds its routine. */
export function afterRoutines(statements: readonly Statement[], kept: readonly SqlObject[], late: readonly Statement[]): Statement[] {
  const routineIds = new Set(kept.filter((o) => routineKinds.includes(o.kind)).map((o) => o.id));
  const firstOther = statements.findIndex((s) => !routineIds.has(s.sqlObjectId ?? ''));
  const at = firstOther < 0 ? statements.length : firstOther;
  return [...statements.slice(0, at), ...late, ...statements.slice(at)];
}
