import { calledNames, quoteIdent, routineName } from '../ddl/index.ts';
import { keptObjectTarget, type SqlObject } from '../model/index.ts';
import type { MigrationStep } from './migration.ts';
import { dropStep } from './keptDropSql.ts';
import { idsOf, keptTables, tableRef, type Plan } from './plan.ts';

/**
 * Kept functions, procedures and aggregates. A new one is made before the tables (their CHECKs and
 * defaults call it), with function bodies unchecked as the DDL makes them; one whose body alone changed
 * is replaced in place (CREATE OR REPLACE); one gone, or whose arguments or return type changed, is
 * dropped once what calls it is gone: the CHECKs and defaults calling it are dropped first and made
 * again after (views, indexes and triggers calling it are remade by their own planners, from the names
 * returned). Matched by kind and name (`f(integer)`), as ids are minted per import.
 * Returns the bare names of the routines dropped, so what calls them is remade.
 */
export function planKeptRoutines(plan: Plan): Set<string> {
  const next = new Map(plan.to.keptRoutines.map((o) => [keyOf(o), o]));
  const before = new Map(plan.from.keptRoutines.map((o) => [keyOf(o), o]));
  const dropped = plan.from.keptRoutines.filter((o) => {
    const now = next.get(keyOf(o));
    return !now || (now.sql !== o.sql && !replaceable(o, now));
  });
  dropped.push(...standardBodyCallers(plan, dropped));
  const droppedKeys = new Set(dropped.map(keyOf));
  const droppedNames = new Set(dropped.map(routineName));
  if (droppedNames.size > 0) remakeCallers(plan, droppedNames);
  // A routine whose parameters or result use a dropped table's row type must go before the table.
  const goneTables = [...plan.from.tables.values()].filter((t) => !plan.to.tables.has(t.key)).map((t) => t.name);
  for (const o of [...dropped].reverse())
    (usesRowTypeOf(o, goneTables) ? plan.phases.dropConstraints : plan.phases.dropRoutines).push({ kind: 'dropRoutine', ...dropStep(o) });

  // ...and one using the row type of a table made or renamed here waits for it.
  const comingTables = [...plan.to.tables.values()]
    .filter((t) => {
      const old = plan.from.tables.get(t.key);
      return !old || old.name !== t.name || old.schemaName !== t.schemaName;
    })
    .map((t) => t.name);
  const made: MigrationStep[] = [];
  const madeLate: MigrationStep[] = [];
  for (const o of plan.to.keptRoutines) {
    const dropsOld = droppedKeys.has(keyOf(o));
    const old = before.get(keyOf(o));
    if (old?.sql === o.sql && !dropsOld) continue;
    if (usesRowTypeOf(o, comingTables))
      madeLate.push({
        kind: old && !dropsOld ? 'replaceRoutine' : 'createRoutine',
        sql: old && !dropsOld ? orReplace(o.sql) : o.sql,
        comment: `${o.name} uses the row type of a table made or renamed above, so it is made after the tables`,
      });
    else if (old && !dropsOld)
      made.push({ kind: 'replaceRoutine', sql: orReplace(o.sql), comment: `${o.name} changed: replaced in place` });
    else
      made.push({
        kind: 'createRoutine',
        sql: o.sql,
        ...(old
          ? {
              comment:
                old.sql === o.sql
                  ? `${o.name} calls a routine dropped above in its SQL-standard body: dropped above with it, made again here`
                  : `${o.name} changed its arguments or result: dropped above with what calls it, made again here`,
            }
          : {}),
      });
  }
  const setting: MigrationStep = {
    kind: 'setting',
    sql: 'SET check_function_bodies = false;',
    comment: 'function bodies may name tables made further down',
  };
  if (made.length > 0) plan.phases.createRoutines.push(setting, ...made);
  if (madeLate.length > 0) plan.phases.createRoutinesOnTables.push(...(made.length > 0 ? [] : [setting]), ...madeLate);
  return droppedNames;
}

/**
 * Kept routines both sides have whose SQL-standard body (`RETURN …`, `BEGIN ATOMIC`) calls a dropped
 * routine, and those calling them in turn: PostgreSQL refuses to drop a routine such a body depends on.
 */
function standardBodyCallers(plan: Plan, dropped: readonly SqlObject[]): SqlObject[] {
  const gone = new Set(dropped);
  const callers: SqlObject[] = [];
  for (let grew = true; grew;) {
    grew = false;
    const names = new Set([...gone].map(routineName));
    for (const o of plan.from.keptRoutines) {
      if (gone.has(o) || !keptObjectTarget(o)?.standardBody || !callsAny(o.sql, names)) continue;
      gone.add(o);
      callers.push(o);
      grew = true;
    }
  }
  return callers;
}

/** Whether a routine's parameters or result (not its body) name one of the tables, as a row type. */
function usesRowTypeOf(o: SqlObject, tableNames: readonly string[]): boolean {
  if (tableNames.length === 0) return false;
  const signature = `${o.name} ${signatureOf(o.sql) ?? ''}`;
  return tableNames.some((name) => new RegExp(`(^|[^\\p{L}\\p{N}_$])"?${escapeRegExp(name)}"?($|[^\\p{L}\\p{N}_$])`, 'iu').test(signature));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A routine's identity across versions and imports: its kind and its name with argument types. */
function keyOf(o: SqlObject): string {
  return `${o.kind}:${o.name}`;
}

/**
 * Whether CREATE OR REPLACE turns `old` into `next`: a function or procedure whose parameters (names,
 * modes, defaults) and result read the same. PostgreSQL refuses to change those in place, and an aggregate's state.
 */
function replaceable(old: SqlObject, next: SqlObject): boolean {
  if (old.kind !== 'function' || next.kind !== 'function') return false;
  const a = signatureOf(old.sql);
  const b = signatureOf(next.sql);
  return a !== undefined && a === b;
}

/** The parameter list and RETURNS clause of a CREATE FUNCTION or PROCEDURE, spaced and cased alike; undefined when unreadable. */
export function signatureOf(sql: string): string | undefined {
  const head = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE)\s+/i.exec(sql);
  if (!head) return undefined;
  const open = sql.indexOf('(', head[0].length);
  if (open < 0) return undefined;
  let depth = 0;
  let close = -1;
  for (let i = open; i < sql.length && close < 0; i++) {
    if (sql[i] === '(') depth++;
    else if (sql[i] === ')' && --depth === 0) close = i;
  }
  if (close < 0) return undefined;
  const rest = sql.slice(close + 1);
  const returns =
    /^\s*RETURNS\s+([\s\S]*?)(?=\s+(?:LANGUAGE|IMMUTABLE|STABLE|VOLATILE|STRICT|CALLED|SECURITY|PARALLEL|COST|ROWS|SUPPORT|SET|WINDOW|LEAKPROOF|NOT|EXTERNAL|TRANSFORM|AS|BEGIN|RETURN)\b)/i.exec(
      rest,
    )?.[1] ?? '';
  const spaced = (text: string) =>
    text
      .replace(/\s+/g, ' ')
      .replace(/\s*([(),])\s*/g, '$1')
      .trim()
      .toLowerCase();
  return `${head[1]!.toLowerCase()}|${spaced(sql.slice(open, close + 1))}|${spaced(returns)}`;
}

/** The statement with OR REPLACE, so it replaces the routine in place. */
function orReplace(sql: string): string {
  return sql.replace(/^(\s*CREATE)\s+(?:OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE)\b/i, '$1 OR REPLACE $2');
}

/** Whether SQL text calls one of `names`. */
export function callsAny(sql: string, names: ReadonlySet<string>): boolean {
  for (const n of calledNames(sql)) if (names.has(n)) return true;
  return false;
}

/**
 * The CHECKs and defaults of tables both sides have that call a dropped routine: dropped before it
 * (unless another step already drops them) and made again after it is made, as `to` has them.
 */
function remakeCallers(plan: Plan, names: ReadonlySet<string>): void {
  const planned = new Set(Object.values(plan.phases).flatMap((steps) => steps.map((s) => s.sql)));
  for (const c of plan.from.constraints.values()) {
    if (c.kind !== 'check' || !callsAny(c.expression ?? '', names)) continue;
    const table = plan.from.tables.get(c.tableKey)!;
    const now = plan.to.constraints.get(c.key);
    const nowTable = plan.to.tables.get(c.tableKey);
    if (!now || !nowTable) continue;
    const drop = `ALTER TABLE ${tableRef(table)} DROP CONSTRAINT ${quoteIdent(c.name)};`;
    if (planned.has(drop)) continue;
    plan.phases.dropConstraints.push({ kind: 'dropConstraint', ...idsOf(c.tableKey), sql: drop });
    plan.phases.addChecks.push({
      kind: 'addCheck',
      ...idsOf(c.tableKey),
      sql: `ALTER TABLE ${tableRef(nowTable)} ADD CONSTRAINT ${quoteIdent(now.name)} ${now.definition ?? `CHECK (${now.expression})`};`,
      comment: `made again after the function it calls`,
    });
  }
  for (const [old, now] of keptTables(plan)) {
    for (const c of old.columns) {
      if (c.defaultValue === null || !callsAny(c.defaultValue, names)) continue;
      const next = now.columns.find((n) => n.key === c.key);
      if (!next || plan.replaced.has(c.key)) continue;
      plan.phases.dropConstraints.push({
        kind: 'alterColumn',
        ...idsOf(old.key, c.key),
        sql: `ALTER TABLE ${tableRef(old)} ALTER COLUMN ${quoteIdent(c.name)} DROP DEFAULT;`,
        comment: 'the function this default calls is dropped and made again',
      });
      if (next.defaultValue !== null && next.defaultValue === c.defaultValue)
        plan.phases.addChecks.push({
          kind: 'alterColumn',
          ...idsOf(now.key, c.key),
          sql: `ALTER TABLE ${tableRef(now)} ALTER COLUMN ${quoteIdent(next.name)} SET DEFAULT ${next.defaultValue};`,
        });
    }
  }
}
