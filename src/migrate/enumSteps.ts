import { defaultDdlOptions, qualifiedName, quoteIdent, quoteLiteral } from '../ddl/index.ts';
import type { DbEnum } from './databaseObjects.ts';
import type { MigrationStep } from './migration.ts';
import { idsOf, keptTables, tableRef, type Plan } from './plan.ts';

const typeRef = (e: Pick<DbEnum, 'schemaName' | 'name'>) => qualifiedName(e.schemaName, e.name, defaultDdlOptions);

/**
 * Enum types: made, dropped, renamed, moved; labels added in place (ADD VALUE BEFORE/AFTER) or renamed
 * (RENAME VALUE); any other change of labels (one removed, reordered) makes a new type and casts every
 * column to it through text, which rejects rows holding a removed label.
 */
export function planEnums(plan: Plan): void {
  const { from, to, phases } = plan;
  for (const e of to.enums.values()) {
    const before = from.enums.get(e.key);
    if (!before) {
      phases.enums.push({ kind: 'createType', sql: e.createSql });
      continue;
    }
    if (before.name !== e.name)
      phases.enums.push({ kind: 'renameType', sql: `ALTER TYPE ${typeRef(before)} RENAME TO ${quoteIdent(e.name)};` });
    if (before.schemaName !== e.schemaName)
      phases.enums.push({
        kind: 'moveType',
        sql: `ALTER TYPE ${typeRef({ ...before, name: e.name })} SET SCHEMA ${quoteIdent(e.schemaName)};`,
      });
    const inPlace = labelChanges(before.values, e.values, typeRef(e));
    const used = inPlace ? usedNewLabels(plan, e, before.values) : [];
    if (inPlace && used.length === 0) phases.enums.push(...inPlace);
    else {
      const steps = replaceType(plan, e);
      if (used.length > 0)
        steps[0] = {
          ...steps[0]!,
          comment: [
            `${used.map(quoteLiteral).join(', ')} ${used.length > 1 ? 'are' : 'is'} used below, and PostgreSQL cannot use a label added by ADD VALUE before COMMIT:`,
            `so ${e.name} is made anew and its columns cast to it (a rewrite of their tables). To spare the rewrite, split the script:`,
            ...inPlace!.map((s) => s.sql),
            'in a transaction of its own, COMMIT, then run the rest without these replaceType steps.',
          ].join('\n'),
        };
      phases.replaceTypes.push(...steps);
    }
  }
  for (const e of from.enums.values())
    if (!to.enums.has(e.key)) phases.dropTypes.push({ kind: 'dropType', sql: `DROP TYPE ${typeRef(e)};` });
}

/**
 * Labels new in `e` that steps planned so far or new or changed kept views and triggers use (a default,
 * a CHECK, a column cast to the type): PostgreSQL refuses them in the transaction that added them ("unsafe use of new value").
 */
function usedNewLabels(plan: Plan, e: DbEnum, old: readonly string[]): string[] {
  const added = e.values.filter((v) => !old.includes(v));
  if (added.length === 0) return [];
  const ref = typeRef(e);
  const steps = Object.values(plan.phases).flat();
  const castsToType = steps.some((s) => s.kind === 'alterColumn' && s.sql.includes(` TYPE ${ref}`));
  const before = new Set([...plan.from.keptViews, ...plan.from.keptTriggers].map((o) => `${o.kind}:${o.sql}`));
  const texts = [
    ...steps.map((s) => s.sql),
    ...[...plan.to.keptViews, ...plan.to.keptTriggers].filter((o) => !before.has(`${o.kind}:${o.sql}`)).map((o) => o.sql),
  ];
  return added.filter((v) => castsToType || texts.some((t) => t.includes(quoteLiteral(v))));
}

/** ADD VALUE or RENAME VALUE steps that turn `old` into `next`, or undefined when labels must go or move. */
function labelChanges(old: readonly string[], next: readonly string[], ref: string): MigrationStep[] | undefined {
  if (old.join('\u0000') === next.join('\u0000')) return [];
  if (old.length === next.length && old.every((v, i) => v === next[i] || (!next.includes(v) && !old.includes(next[i]!))))
    return old.flatMap((v, i) =>
      v === next[i]
        ? []
        : [{ kind: 'renameEnumValue' as const, sql: `ALTER TYPE ${ref} RENAME VALUE ${quoteLiteral(v)} TO ${quoteLiteral(next[i]!)};` }],
    );
  const kept = next.filter((v) => old.includes(v));
  if (kept.length !== old.length || kept.some((v, i) => v !== old[i])) return undefined;
  return next.flatMap((v, i) => {
    if (old.includes(v)) return [];
    const where = i > 0 ? ` AFTER ${quoteLiteral(next[i - 1]!)}` : old.length > 0 ? ` BEFORE ${quoteLiteral(old[0]!)}` : '';
    return [
      {
        kind: 'addEnumValue' as const,
        sql: `ALTER TYPE ${ref} ADD VALUE ${quoteLiteral(v)}${where};`,
        comment: 'inside a transaction the new label cannot be used until COMMIT',
      },
    ];
  });
}

/**
 * A new type with the new labels: the old one renamed away, every column that keeps the type cast to the
 * new one through text, then the old dropped (at the end when a column leaves the type, after its own retyping).
 */
function replaceType(plan: Plan, e: DbEnum): MigrationStep[] {
  const old = { ...e, name: `${e.name}__old` };
  const steps: MigrationStep[] = [
    { kind: 'replaceType', sql: `ALTER TYPE ${typeRef(e)} RENAME TO ${quoteIdent(old.name)};` },
    { kind: 'replaceType', sql: e.createSql },
  ];
  const removed = plan.from.enums.get(e.key)!.values.filter((v) => !e.values.includes(v));
  let leaving = false;
  for (const [before, after] of keptTables(plan)) {
    for (const c of before.columns) {
      const array = c.typeKey === `enum:${e.key}[]`;
      if (c.typeKey !== `enum:${e.key}` && !array) continue;
      const now = after.columns.find((n) => n.key === c.key);
      if (!now || plan.replaced.has(c.key)) continue;
      // A column leaving the type is retyped by its own step (alterColumns), from the old type: drop that last.
      if (now.typeKey !== c.typeKey) {
        leaving = true;
        continue;
      }
      const alter = (clause: string, risk: Partial<MigrationStep> = {}): MigrationStep => ({
        kind: 'replaceType',
        ...idsOf(after.key, c.key),
        sql: `ALTER TABLE ${tableRef(after)} ALTER COLUMN ${quoteIdent(now.name)} ${clause};`,
        ...risk,
      });
      const type = `${typeRef(e)}${array ? '[]' : ''}`;
      if (c.defaultValue !== null) steps.push(alter('DROP DEFAULT'));
      steps.push(
        alter(`TYPE ${type} USING ${quoteIdent(now.name)}::text${array ? '[]' : ''}::${type}`, {
          ...(removed.length > 0
            ? { rejectsRows: `fails while a row of ${after.name} holds ${removed.map(quoteLiteral).join(', ')} in ${now.name}` }
            : {}),
        }),
      );
      if (c.defaultValue !== null && c.defaultValue === now.defaultValue) steps.push(alter(`SET DEFAULT ${c.defaultValue}`));
    }
  }
  const dropOld: MigrationStep = { kind: 'replaceType', sql: `DROP TYPE ${typeRef(old)};` };
  if (leaving) plan.phases.dropTypes.push(dropOld);
  else steps.push(dropOld);
  return steps;
}
